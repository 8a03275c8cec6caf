package org.muwclass.service.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.muwclass.service.tap.query.ResultWriter;
import org.muwclass.tables.MediaTypes;

/**
 * Writes a refusal from a servlet filter in the form the endpoint's clients read: a DALI error VOTable below
 * /tap (TAP 1.1), plain text elsewhere (UWS, pages).
 */
final class Refusals {

    private Refusals() {
    }

    static void send(HttpServletRequest request, HttpServletResponse response, int status, String message)
            throws IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean tap = path.equals("/tap") || path.startsWith("/tap/");
        byte[] body = (tap ? ResultWriter.errorDocument(message) : message + "\n").getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType(tap ? MediaTypes.VOTABLE + ";charset=UTF-8" : "text/plain;charset=UTF-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
