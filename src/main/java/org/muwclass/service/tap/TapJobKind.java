package org.muwclass.service.tap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.OutputStream;
import java.nio.file.Files;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.muwclass.service.tap.query.TapException;
import org.muwclass.service.tap.query.TapQueryRunner;
import org.muwclass.service.tap.query.TapRequest;
import org.muwclass.service.uws.JobContext;
import org.muwclass.service.uws.JobFailedException;
import org.muwclass.service.uws.JobInput;
import org.muwclass.service.uws.JobKind;
import org.muwclass.service.uws.JobParameters;
import org.muwclass.service.uws.ParameterException;
import org.muwclass.service.uws.UploadReferences;

/**
 * TAP queries as UWS jobs (/tap/async): the parameters are checked when the job is created, the ADQL when it runs
 * (so a bad query ends the job in ERROR with the message, as TAP clients expect), and the rows are written to the
 * job's result "result".
 */
@ApplicationScoped
public class TapJobKind implements JobKind<TapRequest> {

    public static final String NAME = "tap";

    @Inject
    TapService tap;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public TapRequest parse(JobInput input) throws ParameterException {
        UploadReferences.resolve(input); // every UPLOAD names a part of the request
        try {
            return tap.request(asMap(input.parameters()));
        } catch (TapException e) {
            throw new ParameterException(firstWord(e.getMessage()), e.getMessage());
        }
    }

    @Override
    public Duration estimate(TapRequest parameters) {
        return Duration.ofSeconds(5);
    }

    @Override
    public void execute(TapRequest request, JobContext context) throws Exception {
        context.checkpoint();
        TapQueryRunner.UploadSource uploads = part -> {
            var file = context.input().upload(part);
            return file.isPresent() ? Files.newInputStream(file.get().path()) : null;
        };
        try (TapQueryRunner.Result result = tap.runner().run(request, uploads);
             OutputStream out = context.openResult("result", result.contentType())) {
            result.writeTo(out);
        } catch (TapException e) {
            if (e.userError()) {
                throw new JobFailedException(e.getMessage());
            }
            throw e;
        }
    }

    static Map<String, List<String>> asMap(JobParameters params) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (JobParameters.Parameter p : params.asList()) {
            map.computeIfAbsent(p.name(), k -> new java.util.ArrayList<>()).add(p.value());
        }
        return map;
    }

    private static String firstWord(String message) {
        int i = message.indexOf('=');
        int j = message.indexOf(' ');
        int end = i > 0 && (j < 0 || i < j) ? i : (j > 0 ? j : message.length());
        return message.substring(0, end);
    }
}
