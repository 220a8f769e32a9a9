package org.trustbench.verify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.trustbench.crypto.Sm3;
import org.trustbench.domain.Finding;
import org.trustbench.domain.Severity;

/**
 * One case's check result as its rows store it: the JSON texts of each finding's arguments and evidence references and of
 * the tagged SM2 results, and the SM3 digest of all of it with the engine version ({@code case_check.result_sm3}). Two
 * results with the same digest store the same rows, so a re-check that finds it unchanged need not rewrite them.
 *
 * <p>The digest is SM3 over a length-prefixed sequence of UTF-8 fields: the engine version, the number of findings,
 * for each finding its rule id, severity, message key, arguments JSON and references JSON, then the SM2 results JSON
 * (sorted by input digest). Length prefixes make the encoding unambiguous.
 */
record StoredCheckForm(List<Finding> findings, List<String> argsJson, List<String> refsJson, String signaturesJson,
                       Severity maxSeverity, String digest) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static StoredCheckForm of(String engineVersion, FindingRepository.CaseResult result) {
        List<Finding> findings = result.findings();
        List<String> args = new ArrayList<>(findings.size());
        List<String> refs = new ArrayList<>(findings.size());
        Fields fields = new Fields();
        fields.add(engineVersion);
        fields.add(Integer.toString(findings.size()));
        Severity max = null;
        for (Finding f : findings) {
            String a = jsonText(f.args());
            String r = jsonText(f.refs());
            args.add(a);
            refs.add(r);
            fields.add(f.ruleId());
            fields.add(f.severity().name());
            fields.add(f.messageKey());
            fields.add(a);
            fields.add(r);
            if (max == null || f.severity().compareTo(max) < 0) {
                max = f.severity();
            }
        }
        String signatures = jsonText(new TreeMap<>(result.signatures()));
        fields.add(signatures);
        return new StoredCheckForm(findings, List.copyOf(args), List.copyOf(refs), signatures, max,
                Sm3.hex(fields.bytes()));
    }

    static String jsonText(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("findings are plain strings and numbers", e);
        }
    }

    /** Length-prefixed UTF-8 fields. */
    private static final class Fields {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream(512);

        void add(String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            int n = b.length;
            out.write(n >>> 24);
            out.write(n >>> 16);
            out.write(n >>> 8);
            out.write(n);
            out.write(b, 0, n);
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }
}
