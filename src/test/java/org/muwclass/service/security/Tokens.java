package org.muwclass.service.security;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Builds compact JWS tokens for the tests. */
final class Tokens {

    private Tokens() {
    }

    static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    static String claims(String iss, String sub, long exp, String extra) {
        return "{\"iss\":\"" + iss + "\",\"sub\":\"" + sub + "\",\"exp\":" + exp + (extra.isEmpty() ? "" : "," + extra)
                + "}";
    }

    static String hs256(byte[] secret, String claims) throws Exception {
        return hmac(secret, "{\"alg\":\"HS256\",\"typ\":\"JWT\"}", claims);
    }

    static String hmac(byte[] secret, String header, String claims) throws Exception {
        String input = b64(header) + "." + b64(claims);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret, "HmacSHA256"));
        return input + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(
                mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
    }

    static String signed(String alg, String javaAlg, PrivateKey key, String claims) throws Exception {
        String input = b64("{\"alg\":\"" + alg + "\"}") + "." + b64(claims);
        Signature s = Signature.getInstance(javaAlg);
        s.initSign(key);
        s.update(input.getBytes(StandardCharsets.US_ASCII));
        return input + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(s.sign());
    }
}
