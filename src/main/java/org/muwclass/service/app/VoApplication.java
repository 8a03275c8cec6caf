package org.muwclass.service.app;

import jakarta.ws.rs.core.Application;

/**
 * The JAX-RS application. It runs as a servlet filter (see WEB-INF/web.xml) so that requests no resource matches
 * fall through to the static pages in webapp/.
 */
public class VoApplication extends Application {
}
