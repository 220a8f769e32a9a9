package org.trustbench.sync;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.trustbench.crypto.Sm2;
import org.trustbench.domain.Attachment;
import org.trustbench.domain.Equipment;
import org.trustbench.domain.EvidenceItem;
import org.trustbench.domain.FilingCase;
import org.trustbench.domain.Provider;
import org.trustbench.domain.ServiceType;
import org.trustbench.domain.TrustedIssuer;
import org.trustbench.i18n.UserException;
import org.trustbench.i18n.UserMessage;
import org.trustbench.sync.format.Direction;
import org.trustbench.sync.format.ManifestHeader;
import org.trustbench.sync.format.PackageWriter;
import org.trustbench.sync.format.RecordSink;
import org.trustbench.sync.format.RecordType;
import org.trustbench.sync.keys.TrustService;
import org.trustbench.training.Dataset;
import org.trustbench.training.DatasetReader;
import org.trustbench.training.DatasetSource;

/**
 * The DEMO central system: writes a dataset as an inbound package of {@code case} and {@code issuer_key} records
 * (docs/sync-format.md), signed with the DEMO central private key, marked {@code demo}. Demo stores trust the matching
 * public key, so trainers and tests can exercise the real import path. The private key is in the source tree
 * ({@value #DEFAULT_KEY_FILE}), never on the classpath: DEMO ONLY.
 */
public final class DemoPackageService {

    /** Where the DEMO central private key lives in the source tree, relative to the checkout. */
    public static final String DEFAULT_KEY_FILE = "sample-data/tools/demo-central.key.pem";
    /** The manifest's workstationId for packages of the DEMO central system. */
    public static final String WORKSTATION_ID = "demo-central";
    private static final int MAX_KEY_FILE_BYTES = 64 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ClassLoader loader;
    private final Clock clock;

    /** What was written. */
    public record Result(Path file, UUID packageId, int cases, int issuerKeys, int attachments) {
    }

    public DemoPackageService(ClassLoader loader, Clock clock) {
        this.loader = Objects.requireNonNull(loader, "loader");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Writes the bundled {@code default} dataset as a demo inbound package to {@code out}, signed with the key in {@code keyFile}. */
    public Result write(Path out, Path keyFile) {
        return write(DatasetReader.read(DatasetSource.classpath("default", loader)), out, keyFile);
    }

    /** Writes {@code dataset} as a demo inbound package to {@code out} (replacing a file of that name). */
    public Result write(Dataset dataset, Path out, Path keyFile) {
        var batch = dataset.batch();
        OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
        return write(batch.cases().iterator(), batch.issuers(), batch.blobs(), now, out, keyFile);
    }

    /**
     * Writes cases as they come from {@code cases} (streamed: one case in memory at a time), then the issuer keys and
     * the attachment contents, as a demo inbound package to {@code out}, signed with the key in {@code keyFile}.
     * The payload entries depend only on the arguments; the manifest carries a new package id and the time.
     *
     * @param effectiveAt when the issuer keys take effect (the {@code issuer_key} records' {@code effectiveAt})
     */
    public Result write(Iterator<FilingCase> cases, List<TrustedIssuer> issuers, Map<String, byte[]> blobs,
                        OffsetDateTime effectiveAt, Path out, Path keyFile) {
        PrivateKey key = readKey(keyFile);
        UUID packageId = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
        Path target = out.toAbsolutePath();
        if (target.getParent() == null || !Files.isDirectory(target.getParent())) {
            throw new UserException(UserMessage.of("sync.export.noFolder", target.getParent()));
        }
        int caseCount = 0;
        try (PackageWriter writer = PackageWriter.create(target, key,
                new ManifestHeader(packageId, Direction.INBOUND, WORKSTATION_ID, null, now, true))) {
            try (RecordSink sink = writer.openRecords(RecordType.CASE)) {
                while (cases.hasNext()) {
                    sink.write(caseRecord(cases.next()));
                    caseCount++;
                }
            }
            try (RecordSink sink = writer.openRecords(RecordType.ISSUER_KEY)) {
                for (TrustedIssuer issuer : issuers) {
                    ObjectNode o = JSON.createObjectNode();
                    o.put("action", "ADD");
                    o.put("keyId", issuer.keyId());
                    o.put("name", issuer.name());
                    o.put("publicKeyPem", issuer.publicKeyPem());
                    o.put("effectiveAt", effectiveAt.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
                    sink.write(o);
                }
            }
            for (Map.Entry<String, byte[]> blob : new java.util.TreeMap<>(blobs).entrySet()) {
                writer.addAttachment(blob.getKey(), blob.getValue());
            }
            writer.finish();
        } catch (IOException e) {
            throw new UserException(UserMessage.of("sync.export.io", target, String.valueOf(e.getMessage())), e);
        }
        return new Result(target, packageId, caseCount, issuers.size(), blobs.size());
    }

    /** The SM2 private key in a PEM file; a clear message when it is missing or not an SM2 private key. */
    public static PrivateKey readKey(Path keyFile) {
        byte[] bytes;
        try {
            if (Files.size(keyFile) > MAX_KEY_FILE_BYTES) {
                throw new UserException(UserMessage.of("sync.demoPackage.badKey", keyFile, "file too large"));
            }
            bytes = Files.readAllBytes(keyFile);
        } catch (NoSuchFileException e) {
            throw new UserException(UserMessage.of("sync.demoPackage.noKey", keyFile.toAbsolutePath()), e);
        } catch (IOException e) {
            throw new UserException(UserMessage.of("sync.demoPackage.badKey", keyFile, String.valueOf(e.getMessage())), e);
        }
        PrivateKey key;
        try {
            key = Sm2.decodePrivateKeyPem(new String(bytes, StandardCharsets.US_ASCII));
        } catch (RuntimeException e) {
            throw new UserException(UserMessage.of("sync.demoPackage.badKey", keyFile, String.valueOf(e.getMessage())), e);
        }
        String expected = Sm2.fingerprint(TrustService.demoCentralPublicKey(DemoPackageService.class.getClassLoader()));
        if (!Sm2.fingerprint(Sm2.publicKeyOf(key)).equals(expected)) {
            throw new UserException(UserMessage.of("sync.demoPackage.notDemoKey", keyFile));
        }
        return key;
    }

    /** A case as the {@code case} record (docs/schema/case.schema.json). */
    static ObjectNode caseRecord(FilingCase c) {
        ObjectNode o = JSON.createObjectNode();
        o.put("caseNo", c.caseNo());
        o.put("districtCode", c.districtCode());
        o.put("platform", c.platform());
        o.put("receivedOn", date(c.receivedOn()));
        o.put("deadlineOn", date(c.deadlineOn()));
        o.put("status", c.status().name());
        if (c.assignee() != null) {
            o.put("assignee", c.assignee());
        }
        ArrayNode services = o.putArray("services");
        for (ServiceType s : c.services()) {
            services.add(s.name());
        }
        ObjectNode performer = o.putObject("performer");
        performer.put("uscc", c.performer().uscc());
        performer.put("name", c.performer().name());
        o.put("subcontractDeclared", c.subcontractDeclared());
        o.set("provider", provider(c.provider()));
        ArrayNode equipment = o.putArray("equipment");
        for (Equipment e : c.equipment()) {
            ObjectNode n = equipment.addObject();
            n.put("category", e.categoryCode());
            n.put("make", e.make());
            n.put("model", e.model());
            n.put("serial", e.serial());
            n.put("specialEquipment", e.specialEquipment());
            n.put("siteType", e.siteType().name());
        }
        ArrayNode evidence = o.putArray("evidence");
        for (EvidenceItem item : c.evidence()) {
            evidence.add(evidence(item));
        }
        return o;
    }

    private static ObjectNode provider(Provider p) {
        ObjectNode o = JSON.createObjectNode();
        o.put("uscc", p.uscc());
        o.put("nameZh", p.nameZh());
        if (p.nameEn() != null) {
            o.put("nameEn", p.nameEn());
        }
        o.put("entityType", p.entityType());
        o.put("legalRep", p.legalRep());
        o.put("legalRepTitle", p.legalRepTitle());
        if (p.registeredCapital() != null) {
            o.put("registeredCapital", p.registeredCapital());
        }
        o.put("registeredAddress", p.registeredAddress());
        o.put("registrationAuthority", p.registrationAuthority());
        o.put("establishedOn", date(p.establishedOn()));
        if (p.termTo() == null) {
            o.putNull("termTo");
        } else {
            o.put("termTo", date(p.termTo()));
        }
        o.put("registryStatus", p.registryStatus().label());
        o.put("businessScope", p.businessScope());
        return o;
    }

    private static ObjectNode evidence(EvidenceItem item) {
        ObjectNode o = JSON.createObjectNode();
        o.put("kind", item.kind().name());
        o.put("source", item.source().name());
        o.put("title", item.title());
        if (item.validFrom() != null) {
            o.put("validFrom", date(item.validFrom()));
        }
        if (item.validTo() != null) {
            o.put("validTo", date(item.validTo()));
        }
        o.put("recordedAt", item.recordedAt().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        ObjectNode fields = o.putObject("fields");
        item.fields().forEach(fields::put);
        ArrayNode attachments = o.putArray("attachments");
        for (Attachment a : item.attachments()) {
            ObjectNode n = attachments.addObject();
            n.put("sm3", a.sm3());
            n.put("fileName", a.fileName());
            n.put("mediaType", a.mediaType());
        }
        if (item.signature() != null) {
            ObjectNode sig = o.putObject("signature");
            sig.put("keyId", item.signature().keyId());
            sig.put("value", item.signature().value());
        }
        return o;
    }

    private static String date(LocalDate d) {
        return d.toString();
    }
}
