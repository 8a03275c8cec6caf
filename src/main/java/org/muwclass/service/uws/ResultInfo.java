package org.muwclass.service.uws;

import java.util.Objects;

/**
 * One result of a job, stored as {@code <job dir>/results/<name>}.
 *
 * @param name     result id, unique within the job
 * @param mimeType MIME type served with it
 * @param size     bytes
 */
public record ResultInfo(String name, String mimeType, long size) {

    public ResultInfo {
        ResultNames.requireValid(name);
        Objects.requireNonNull(mimeType, "mimeType");
    }
}
