package org.muwclass.service.tap.query;

import org.muwclass.service.tap.TapFixture;

/** The query suite on the embedded H2 default. */
class H2QueryTest extends TapQuerySuite {

    H2QueryTest() throws Exception {
        super(TapFixture.h2());
    }
}
