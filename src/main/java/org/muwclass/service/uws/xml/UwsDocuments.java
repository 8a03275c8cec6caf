package org.muwclass.service.uws.xml;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import java.io.OutputStream;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.muwclass.service.uws.ErrorSummary;
import org.muwclass.service.uws.ExecutionPhase;
import org.muwclass.service.dali.DaliParameters;
import org.muwclass.service.uws.JobRecord;
import org.muwclass.service.uws.Progress;
import org.muwclass.service.uws.ResultInfo;
import org.muwclass.service.dali.UploadedFile;
import org.muwclass.tables.XmlText;

/**
 * Builds the UWS documents from job records. {@code jobUrl} is the absolute URL of the job (e.g.
 * http://host/classify/abc), used for xlink:href. Client-given text passes through {@link XmlText#clean}: the request
 * layer refuses characters XML cannot carry, and this second line keeps one stored job (from before that check,
 * or another path) from breaking the job list for everyone.
 */
public final class UwsDocuments {

    private static volatile JAXBContext context;

    private UwsDocuments() {
    }

    public static JobElement job(JobRecord job, String jobUrl, Instant quote) {
        JobElement e = new JobElement();
        e.jobId = job.id();
        e.runId = XmlText.clean(job.runId());
        e.ownerId = XmlText.clean(job.ownerId());
        e.phase = job.phase().name();
        e.quote = format(quote);
        e.creationTime = format(job.creationTime());
        e.startTime = format(job.startTime());
        e.endTime = format(job.endTime());
        e.executionDuration = (int) Math.min(Integer.MAX_VALUE, job.executionDuration().toSeconds());
        e.destruction = format(job.destruction());
        e.parameters = parameters(job);
        e.results = results(job, jobUrl);
        e.errorSummary = errorSummary(job.error());
        e.jobInfo = jobInfo(job.phase(), job.progress());
        return e;
    }

    public static JobsElement jobs(List<JobRecord> jobs, String listUrl) {
        JobsElement e = new JobsElement();
        String base = listUrl.endsWith("/") ? listUrl : listUrl + "/";
        for (JobRecord job : jobs) {
            JobRefElement ref = new JobRefElement();
            ref.id = job.id();
            ref.href = base + job.id();
            ref.phase = job.phase().name();
            ref.runId = XmlText.clean(job.runId());
            ref.ownerId = XmlText.clean(job.ownerId());
            ref.creationTime = format(job.creationTime());
            e.jobref.add(ref);
        }
        return e;
    }

    public static ResultsElement results(JobRecord job, String jobUrl) {
        ResultsElement e = new ResultsElement();
        for (ResultInfo r : job.results()) {
            ResultElement re = new ResultElement();
            re.id = XmlText.clean(r.name());
            re.href = jobUrl + "/results/" + r.name();
            re.size = r.size();
            re.mimeType = XmlText.clean(r.mimeType());
            e.result.add(re);
        }
        return e;
    }

    /** Parameters as given, then one entry per uploaded file (value: the client's file name). */
    public static ParametersElement parameters(JobRecord job) {
        ParametersElement e = new ParametersElement();
        for (DaliParameters.Parameter p : job.parameters().asList()) {
            ParameterElement pe = new ParameterElement();
            pe.id = XmlText.clean(p.name());
            pe.value = XmlText.clean(p.value());
            e.parameter.add(pe);
        }
        for (UploadedFile u : job.uploads()) {
            ParameterElement pe = new ParameterElement();
            pe.id = XmlText.clean(u.partName());
            pe.isPost = Boolean.TRUE;
            pe.value = u.fileName() == null ? "" : XmlText.clean(u.fileName());
            e.parameter.add(pe);
        }
        return e;
    }

    public static ErrorSummaryElement errorSummary(ErrorSummary error) {
        if (error == null) {
            return null;
        }
        ErrorSummaryElement e = new ErrorSummaryElement();
        e.type = error.type().xmlValue();
        e.hasDetail = true; // /error serves the message as text
        e.message = XmlText.clean(error.message());
        return e;
    }

    /**
     * jobInfo only while the job runs and knows its total: UWS clients that validate (taplint) or parse strictly
     * (pyvo: "Unknown element jobInfo") warn about any jobInfo content, so finished, queued and TAP jobs (which
     * report no progress) have none.
     */
    static JobInfoElement jobInfo(ExecutionPhase phase, Progress progress) {
        if (phase != ExecutionPhase.EXECUTING || progress.total() == 0) {
            return null;
        }
        JobInfoElement info = new JobInfoElement();
        info.progress = new JobInfoElement.ProgressElement();
        info.progress.done = progress.done();
        info.progress.total = progress.total();
        info.progress.fraction = progress.total() == 0 ? null : progress.fraction();
        return info;
    }

    /** ISO-8601 UTC with milliseconds, or null. */
    public static String format(Instant t) {
        return t == null ? null : DateTimeFormatter.ISO_INSTANT.format(t.truncatedTo(ChronoUnit.MILLIS));
    }

    /** The JAXB context of all UWS documents (thread-safe, created once). */
    public static JAXBContext context() {
        JAXBContext c = context;
        if (c == null) {
            try {
                c = JAXBContext.newInstance(JobElement.class, JobsElement.class, ResultsElement.class,
                        ParametersElement.class);
            } catch (JAXBException e) {
                throw new IllegalStateException("UWS JAXB classes are inconsistent", e);
            }
            context = c;
        }
        return c;
    }

    /** Writes a document as UTF-8 XML. */
    public static void write(Object document, OutputStream out) throws JAXBException {
        Marshaller m = context().createMarshaller();
        m.setProperty(Marshaller.JAXB_FORMATTED_OUTPUT, Boolean.TRUE);
        m.marshal(document, out);
    }
}
