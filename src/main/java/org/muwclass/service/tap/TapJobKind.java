package org.muwclass.service.tap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.OutputStream;
import java.nio.file.Files;
import java.time.Duration;
import org.muwclass.service.tap.query.QueryCancel;
import org.muwclass.service.tap.query.TapException;
import org.muwclass.service.tap.query.TapQueryRunner;
import org.muwclass.service.tap.query.TapRequest;
import org.muwclass.service.uws.JobContext;
import org.muwclass.service.uws.JobFailedException;
import org.muwclass.service.uws.JobInput;
import org.muwclass.service.uws.JobKind;
import org.muwclass.service.dali.DaliParameters;

/**
 * TAP queries as UWS jobs (/tap/async): the parameters are checked when the job is created, the ADQL when it runs
 * (so a bad query ends the job in ERROR with the message, as TAP clients expect), and the rows are written to the
 * job's result "result".
 */
@ApplicationScoped
public class TapJobKind implements JobKind<DaliParameters> {

    public static final String NAME = "tap";

    @Inject
    TapService tap;

    @Override
    public String name() {
        return NAME;
    }

    /**
     * Accepts any parameters: TAP 1.1 clients expect a job even for a bad query and read the problem from the job's
     * error (taplint checks this), so validation happens in {@link #execute}.
     */
    @Override
    public DaliParameters parse(JobInput input) {
        return input.parameters();
    }

    @Override
    public Duration estimate(DaliParameters parameters) {
        return Duration.ofSeconds(5);
    }

    @Override
    public void execute(DaliParameters parameters, JobContext context) throws Exception {
        context.checkpoint();
        TapQueryRunner.UploadSource uploads = part -> {
            var file = context.input().upload(part);
            return file.isPresent() ? Files.newInputStream(file.get().path()) : null;
        };
        // ABORT, the execution duration and destruction cancel the SQL at once and stop the row loop, so the worker
        // thread and the query connection are free again without waiting for the database
        QueryCancel cancel = new QueryCancel();
        context.onStop(() -> cancel.cancel("The query was stopped: the job was aborted, destroyed or ran past its "
                + "execution duration"));
        try {
            TapRequest request = tap.request(parameters);
            // the database stops the query when the job's execution duration runs out
            int timeout = context.deadline().map(d -> (int) Math.max(1,
                    java.time.Duration.between(java.time.Instant.now(), d).toSeconds())).orElse(0);
            try (TapQueryRunner.Result result = tap.runner().run(request, uploads, tap.localResults(), timeout,
                    cancel);
                 OutputStream out = context.openResult("result", result.contentType())) {
                result.writeTo(out);
            } catch (java.io.IOException e) {
                context.checkpoint(); // stopped while writing rows: the job's phase says so already
                throw e;
            }
        } catch (TapException e) {
            if (e.stopped()) {
                context.checkpoint(); // ABORT or destruction: not an error of the job
            }
            // the message says what to fix (or what failed); TAP clients show it from /error
            throw new JobFailedException(e.getMessage(), org.muwclass.service.uws.ErrorType.FATAL, e);
        }
    }
}
