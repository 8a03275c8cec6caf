package org.muwclass.service.tap.web;

import org.muwclass.service.tap.TapJobKind;
import org.muwclass.service.uws.http.UwsJobsResource;

/** /tap/async: the UWS 1.1 job list of TAP queries, returned by {@link TapResource}'s sub-resource locator. */
public class TapAsyncResource extends UwsJobsResource {

    @Override
    protected String kind() {
        return TapJobKind.NAME;
    }

    @Override
    protected String listPath() {
        return "tap/async";
    }
}
