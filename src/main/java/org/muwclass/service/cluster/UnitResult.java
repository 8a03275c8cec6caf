package org.muwclass.service.cluster;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.muwclass.core.aggregate.ProbabilityAccumulator;

/**
 * What a member sends back for one work unit: who ran it and either the unit's partial sums (exact bits) or why it
 * failed. Stored in the grid as bytes.
 *
 * @param member  label of the member that ran the unit
 * @param partial partial sums, or null when the unit failed
 * @param error   failure message, or null
 */
public record UnitResult(String member, ProbabilityAccumulator partial, String error) {

    private static final int VERSION = 1;

    public static byte[] success(String member, ProbabilityAccumulator partial) {
        return encode(member, partial, null);
    }

    public static byte[] failure(String member, String error) {
        return encode(member, null, error);
    }

    private static byte[] encode(String member, ProbabilityAccumulator partial, String error) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeByte(VERSION);
            out.writeUTF(member);
            out.writeBoolean(partial != null);
            if (partial != null) {
                partial.writeTo(out);
            } else {
                out.writeUTF(error.length() > 2000 ? error.substring(0, 2000) : error);
            }
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static UnitResult decode(byte[] data) {
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(data));
            int version = in.readUnsignedByte();
            if (version != VERSION) {
                throw new IOException("unit result format " + version + ", expected " + VERSION
                        + " (members run different versions of the service?)");
            }
            String member = in.readUTF();
            return in.readBoolean() ? new UnitResult(member, ProbabilityAccumulator.readFrom(in), null)
                    : new UnitResult(member, null, in.readUTF());
        } catch (IOException e) {
            throw new UncheckedIOException("Unreadable unit result: " + e.getMessage(), e);
        }
    }

    public boolean failed() {
        return partial == null;
    }
}
