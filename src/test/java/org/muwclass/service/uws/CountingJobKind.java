package org.muwclass.service.uws;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import org.muwclass.service.dali.UploadedFile;

/**
 * A job kind for tests: UNITS work units of MS milliseconds each, then a text result "result" that sums the
 * uploaded file's size. FAIL=message makes it fail with that message, CRASH=1 throws a bug-like exception.
 */
final class CountingJobKind implements JobKind<CountingJobKind.Plan> {

    record Plan(int units, int ms, String fail, boolean crash, boolean ignoreStop, long estimateMs) {
    }

    @Override
    public String name() {
        return "count";
    }

    @Override
    public Plan parse(JobInput input) throws ParameterException {
        int units = intParam(input, "UNITS", 3, 1, 10_000);
        int ms = intParam(input, "MS", 5, 0, 60_000);
        return new Plan(units, ms, input.parameters().get("FAIL").orElse(null),
                input.parameters().get("CRASH").isPresent(), input.parameters().get("IGNORESTOP").isPresent(),
                input.parameters().get("EST_MS").map(Long::parseLong).orElse((long) units * ms));
    }

    private static int intParam(JobInput input, String name, int dflt, int min, int max) throws ParameterException {
        String v = input.parameters().get(name).orElse(null);
        if (v == null) {
            return dflt;
        }
        try {
            int n = Integer.parseInt(v.trim());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ParameterException(name, v, "an integer from " + min + " to " + max);
    }

    @Override
    public Duration estimate(Plan plan) {
        return Duration.ofMillis(plan.estimateMs());
    }

    @Override
    public void execute(Plan plan, JobContext context) throws Exception {
        for (int i = 0; i < plan.units(); i++) {
            if (plan.ignoreStop()) {
                Thread.sleep(plan.ms());
            } else {
                context.progress(i, plan.units());
                Thread.sleep(plan.ms());
            }
        }
        if (plan.fail() != null) {
            throw new JobFailedException(plan.fail());
        }
        if (plan.crash()) {
            throw new IllegalStateException("bug");
        }
        context.progress(plan.units(), plan.units());
        long uploaded = 0;
        for (UploadedFile f : context.input().uploads().values()) {
            uploaded += Files.size(f.path());
        }
        try (OutputStream out = context.openResult("result", "text/plain")) {
            out.write(("units=" + plan.units() + " uploaded=" + uploaded).getBytes(StandardCharsets.UTF_8));
        }
    }

    static String read(JobManager m, JobRecord job) throws IOException {
        return Files.readString(m.resultFile(job, "result"));
    }
}
