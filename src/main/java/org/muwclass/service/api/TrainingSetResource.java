package org.muwclass.service.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import org.muwclass.core.model.SourceClass;
import org.muwclass.service.app.ServiceRuntime;

/** Small JSON summaries of the training set for the web pages. */
@Path("api/training-set")
@RequestScoped
public class TrainingSetResource {

    @Inject
    ServiceRuntime runtime;

    /** Number of training sources per true class, in the pipeline's class order, plus "total". */
    @GET
    @Path("classes")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Integer> classCounts() throws SQLException {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (SourceClass c : SourceClass.values()) {
            counts.put(c.label(), 0);
        }
        int total = 0;
        try (Connection c = runtime.database().connection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT true_class, COUNT(*) FROM " + ServiceRuntime.TRAINING_SET_TABLE
                     + " GROUP BY true_class")) {
            while (rs.next()) {
                counts.put(rs.getString(1), rs.getInt(2));
                total += rs.getInt(2);
            }
        }
        counts.put("total", total);
        return counts;
    }
}
