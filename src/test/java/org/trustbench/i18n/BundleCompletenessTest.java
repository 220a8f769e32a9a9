package org.trustbench.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.trustbench.domain.CaseStatus;
import org.trustbench.domain.EvidenceKind;
import org.trustbench.domain.EvidenceSource;
import org.trustbench.domain.RegistryStatus;
import org.trustbench.domain.ServiceType;
import org.trustbench.domain.SiteType;
import org.trustbench.domain.Uscc;

/** zh_CN and en are both complete, and every key the code uses exists. */
class BundleCompletenessTest {

    private static Properties load(String resource) throws IOException {
        Properties p = new Properties();
        try (InputStream in = BundleCompletenessTest.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new AssertionError("missing bundle " + resource);
            }
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @ParameterizedTest
    @ValueSource(strings = {"i18n/messages", "i18n/cli"})
    void chineseAndEnglishHaveTheSameKeysAndNoEmptyValues(String bundle) throws IOException {
        Properties en = load(bundle + ".properties");
        Properties zh = load(bundle + "_zh_CN.properties");
        Set<String> onlyEn = new TreeSet<>(en.stringPropertyNames());
        onlyEn.removeAll(zh.stringPropertyNames());
        Set<String> onlyZh = new TreeSet<>(zh.stringPropertyNames());
        onlyZh.removeAll(en.stringPropertyNames());
        assertEquals(Set.of(), onlyEn, "keys missing in zh_CN");
        assertEquals(Set.of(), onlyZh, "keys missing in en");
        for (Properties p : List.of(en, zh)) {
            for (String key : p.stringPropertyNames()) {
                assertTrue(!p.getProperty(key).isBlank() || key.equals("usage.synopsisHeading"), "empty value for " + key);
            }
        }
    }

    @Test
    void chineseTextIsChinese() throws IOException {
        Properties zh = load("i18n/messages_zh_CN.properties");
        assertTrue(zh.getProperty("column.provider").matches(".*\\p{IsHan}.*"));
        assertTrue(Messages.forLocale(Messages.CHINESE).get("status.RECEIVED").matches(".*\\p{IsHan}.*"));
        assertEquals("Received", Messages.forLocale(Messages.ENGLISH).get("status.RECEIVED"));
    }

    @Test
    void everyEnumShownToUsersHasTextInBothLanguages() {
        for (java.util.Locale locale : Messages.SUPPORTED) {
            Messages m = Messages.forLocale(locale);
            check(m, "status", CaseStatus.values());
            check(m, "service", ServiceType.values());
            check(m, "registry", RegistryStatus.values());
            check(m, "evidence.kind", EvidenceKind.values());
            check(m, "evidence.source", EvidenceSource.values());
            check(m, "site", SiteType.values());
            check(m, "uscc", Uscc.Result.values());
        }
    }

    private static void check(Messages m, String prefix, Enum<?>[] values) {
        for (Enum<?> v : values) {
            assertTrue(m.has(prefix + "." + v.name()), m.locale() + " lacks " + prefix + "." + v.name());
        }
    }

    /** Every literal key handed to the bundle in main code exists in both languages. */
    @Test
    void everyKeyUsedInCodeExists() throws IOException {
        Properties en = load("i18n/messages.properties");
        Properties zh = load("i18n/messages_zh_CN.properties");
        Pattern call = Pattern.compile("(?:\\.get|\\.text|UserMessage\\.of|showError|showInfo)\\(\\s*\"([a-zA-Z][\\w.]+)\"");
        Pattern ternary = Pattern.compile("\\?\\s*\"([a-z]+\\.[\\w.]+)\"\\s*:\\s*\"([a-z]+\\.[\\w.]+)\"");
        // Dataset problems: error(field, "problem", …) resolves to dataset.error.<problem>.
        Pattern datasetProblem = Pattern.compile("error\\([^,()]+,\\s*\"(\\w+)\"");
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
                String src = Files.readString(f);
                Matcher m = call.matcher(src);
                while (m.find()) {
                    used.add(m.group(1));
                }
                if (f.toString().contains("training")) {
                    Matcher d = datasetProblem.matcher(src);
                    while (d.find()) {
                        used.add("dataset.error." + d.group(1));
                    }
                }
                Matcher t = ternary.matcher(src);
                while (t.find()) {
                    used.add(t.group(1));
                    used.add(t.group(2));
                }
            }
        }
        // Keys ending in "." are prefixes completed with an enum name; everyEnumShownToUsersHasTextInBothLanguages covers them.
        used.removeIf(k -> k.endsWith(".") || !k.contains(".") || k.startsWith("org.") || k.startsWith("java.") || k.startsWith("user."));
        assertTrue(used.size() > 40, "the scan found the keys: " + used.size());
        Set<String> missing = new TreeSet<>();
        for (String key : used) {
            if (!en.containsKey(key) || !zh.containsKey(key)) {
                missing.add(key);
            }
        }
        assertEquals(Set.of(), missing);
    }
}
