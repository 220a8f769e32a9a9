package org.trustbench.sync.keys;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.jooq.DSLContext;
import org.trustbench.audit.AuditAction;
import org.trustbench.audit.AuditRepository;
import org.trustbench.crypto.Sm2;
import org.trustbench.db.Workspace;
import org.trustbench.i18n.UserException;
import org.trustbench.i18n.UserMessage;

/**
 * Adds trusted signers: a public key read from a PEM file ({@code keys trust}), or, in a demo store, the DEMO central
 * key. Every addition is one transaction with its audit entry. See docs/workstation-keys.md.
 *
 * <p>A real store refuses the DEMO central key: its private key is committed to the source tree, so anyone can sign
 * with it.
 */
public final class TrustService {

    /** Classpath resource with the DEMO central system's public key, which demo stores trust on first use. */
    public static final String DEMO_CENTRAL_RESOURCE = "sample-data/default/demo-central.pub.pem";
    /** Name under which demo stores trust the DEMO central key. */
    public static final String DEMO_CENTRAL_NAME = "TrustBench demo central (DEMO ONLY)";
    /**
     * The audit action of a trust change. {@code AuditAction} has no dedicated value yet; IMPORT (a key imported
     * into the trust list) is the closest. Replace with {@code SIGNER_TRUSTED} once that exists.
     */
    static final AuditAction AUDIT_ACTION = AuditAction.SIGNER_TRUSTED;
    /** Audit subjects are {@code signer:<key ID>}. */
    public static final String AUDIT_SUBJECT_PREFIX = "signer:";
    /** A PEM public key is a few hundred bytes; a bigger file is refused unread. */
    static final int MAX_PEM_FILE_BYTES = 64 * 1024;

    private static final Pattern PEM_BEGIN = Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----");
    private static final String PUBLIC_KEY = "PUBLIC KEY";
    private static final Map<String, String> ALGORITHMS = Map.of(
            "1.2.840.113549.1.1.1", "RSA",
            "1.2.840.113549.1.1.10", "RSA-PSS",
            "1.2.840.10040.4.1", "DSA",
            "1.2.840.10046.2.1", "DH",
            "1.3.101.110", "X25519",
            "1.3.101.111", "X448",
            "1.3.101.112", "Ed25519",
            "1.3.101.113", "Ed448");
    private static final String EC_PUBLIC_KEY = "1.2.840.10045.2.1";

    private final DSLContext dsl;
    private final TrustedSignerRepository signers;
    private final AuditRepository audit;
    private final Clock clock;
    private final Workspace workspace;

    public TrustService(DSLContext dsl, TrustedSignerRepository signers, AuditRepository audit, Clock clock,
                        Workspace workspace) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
        this.signers = Objects.requireNonNull(signers, "signers");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.workspace = Objects.requireNonNull(workspace, "workspace");
    }

    /**
     * Trusts the SM2 public key in {@code pemFile} (SubjectPublicKeyInfo PEM, as {@code openssl pkey -pubout} or
     * {@code keys show} write it) in {@code role}, with its audit entry, in one transaction. Blocking.
     *
     * @param actor who trusts it (audit user name)
     * @param name  label; {@code null} for the file's name
     * @throws UserException naming the file and what is wrong: it does not exist or cannot be read, is not PEM,
     *                       holds a private key or another PEM type or several keys, a key that is not SM2, the DEMO
     *                       central key in a real store, or a key already trusted (in this or another role); or the
     *                       name is blank, too long or holds control characters
     */
    public TrustedSigner trust(String actor, Path pemFile, SignerRole role, String name) {
        Objects.requireNonNull(pemFile, "pemFile");
        Objects.requireNonNull(role, "role");
        String label = checkName(name != null ? name : defaultName(pemFile));
        PublicKey key = readPublicKey(pemFile);
        String keyId = Sm2.fingerprint(key);
        if (workspace == Workspace.REAL && keyId.equals(demoCentralKeyId())) {
            throw new UserException(UserMessage.of("keys.error.demoKeyInRealStore", pemFile));
        }
        Optional<TrustedSigner> existing = signers.find(keyId);
        if (existing.isPresent()) {
            TrustedSigner s = existing.get();
            String messageKey = s.role() == role ? "keys.error.fileAlreadyTrusted" : "keys.error.fileTrustedAsOtherRole";
            throw new UserException(UserMessage.of(messageKey, pemFile, "#keys.role." + s.role().name(), s.name()));
        }
        String source = pemFile.getFileName() == null ? pemFile.toString() : pemFile.getFileName().toString();
        // The repository checks again inside the transaction, should another process add the key meanwhile.
        return dsl.transactionResult(tx -> add(tx.dsl(), actor, key, role, label, source));
    }

    /**
     * In a demo store, trusts the DEMO central key ({@link #demoCentralPublicKey}) as {@link SignerRole#CENTRAL}
     * unless it is already trusted, so trainers and tests can import packages from {@code demo package}. Call it when
     * the demo store is prepared. Blocking.
     *
     * @return the signer added, or empty when the key was already trusted
     * @throws IllegalStateException in a real store
     */
    public Optional<TrustedSigner> trustDemoCentral(String actor, ClassLoader loader) {
        if (workspace != Workspace.DEMO) {
            throw new IllegalStateException("a real store never trusts the DEMO central key");
        }
        PublicKey key = demoCentralPublicKey(loader);
        String keyId = Sm2.fingerprint(key);
        if (signers.find(keyId).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(dsl.transactionResult(
                tx -> add(tx.dsl(), actor, key, SignerRole.CENTRAL, DEMO_CENTRAL_NAME, DEMO_CENTRAL_RESOURCE)));
    }

    /**
     * The DEMO central system's public key from {@value #DEMO_CENTRAL_RESOURCE}. Its private key is at
     * {@code sample-data/tools/demo-central.key.pem} in the source tree (not in the jar): DEMO ONLY.
     *
     * @throws IllegalStateException if the resource is missing or not an SM2 public key (a broken build)
     */
    public static PublicKey demoCentralPublicKey(ClassLoader loader) {
        try (InputStream in = Objects.requireNonNull(loader, "loader").getResourceAsStream(DEMO_CENTRAL_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + DEMO_CENTRAL_RESOURCE);
            }
            return Sm2.decodePublicKeyPem(new String(in.readAllBytes(), StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + DEMO_CENTRAL_RESOURCE, e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(DEMO_CENTRAL_RESOURCE + " is not an SM2 public key", e);
        }
    }

    private static String demoCentralKeyId() {
        return Sm2.fingerprint(demoCentralPublicKey(TrustService.class.getClassLoader()));
    }

    private TrustedSigner add(DSLContext tx, String actor, PublicKey key, SignerRole role, String name, String source) {
        OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
        String keyId = Sm2.fingerprint(key);
        TrustedSigner added = signers.add(tx, new TrustedSigner(keyId, role, name, Sm2.encodePublicKeyPem(key), now, actor));
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("change", "signerTrusted");
        detail.put("role", role);
        detail.put("name", name);
        detail.put("keyId", keyId);
        detail.put("source", source);
        audit.append(tx, actor, AUDIT_ACTION, AUDIT_SUBJECT_PREFIX + keyId, detail);
        return added;
    }

    // ------------------------------------------------------------------ reading a PEM file

    /** The single SM2 public key in a PEM file, or a {@link UserException} naming the file and the problem. */
    static PublicKey readPublicKey(Path file) {
        byte[] bytes;
        try {
            if (Files.isDirectory(file)) {
                throw new UserException(UserMessage.of("keys.error.fileIsFolder", file));
            }
            if (Files.size(file) > MAX_PEM_FILE_BYTES) {
                throw new UserException(UserMessage.of("keys.error.fileTooLarge", file, String.valueOf(MAX_PEM_FILE_BYTES)));
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new UserException(UserMessage.of("keys.error.fileNotFound", file), e);
        } catch (IOException e) {
            throw new UserException(UserMessage.of("keys.error.fileUnreadable", file, WorkstationKeys.reason(e)), e);
        }
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        List<String> types = new ArrayList<>();
        Matcher m = PEM_BEGIN.matcher(text);
        while (m.find()) {
            types.add(m.group(1).strip());
        }
        if (types.isEmpty()) {
            throw new UserException(UserMessage.of("keys.error.notPem", file));
        }
        if (types.stream().anyMatch(t -> t.contains("PRIVATE KEY"))) {
            throw new UserException(UserMessage.of("keys.error.privateKey", file));
        }
        long publicKeys = types.stream().filter(PUBLIC_KEY::equals).count();
        if (publicKeys == 0) {
            throw new UserException(UserMessage.of("keys.error.wrongPemType", file, types.get(0)));
        }
        if (publicKeys > 1 || types.size() > 1) {
            throw new UserException(UserMessage.of("keys.error.severalBlocks", file, String.valueOf(types.size())));
        }
        try {
            return Sm2.decodePublicKeyPem(text);
        } catch (IllegalArgumentException e) {
            String other = describeNonSm2(text);
            if (other != null) {
                throw new UserException(UserMessage.of("keys.error.notSm2", file, other), e);
            }
            throw new UserException(UserMessage.of("keys.error.badKey", file, e.getMessage()), e);
        }
    }

    /**
     * The kind of a well-formed public key that is not SM2, e.g. {@code RSA} or {@code EC prime256v1}; {@code null}
     * when the block is no readable SubjectPublicKeyInfo (then it is damaged rather than of another kind).
     */
    static String describeNonSm2(String pem) {
        try {
            int begin = pem.indexOf("-----BEGIN PUBLIC KEY-----");
            int end = pem.indexOf("-----END PUBLIC KEY-----", begin);
            if (begin < 0 || end < 0) {
                return null;
            }
            String body = pem.substring(begin + "-----BEGIN PUBLIC KEY-----".length(), end).replaceAll("\\s", "");
            SubjectPublicKeyInfo spki = SubjectPublicKeyInfo.getInstance(Base64.getDecoder().decode(body));
            AlgorithmIdentifier alg = spki.getAlgorithm();
            String oid = alg.getAlgorithm().getId();
            if (EC_PUBLIC_KEY.equals(oid)) {
                if (alg.getParameters() instanceof ASN1ObjectIdentifier curve) {
                    String curveName = ECNamedCurveTable.getName(curve);
                    return "EC " + (curveName != null ? curveName : curve.getId());
                }
                return "EC (explicit curve parameters)";
            }
            return ALGORITHMS.getOrDefault(oid, "OID " + oid);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String defaultName(Path file) {
        Path fileName = file.getFileName();
        String n = fileName == null ? file.toString() : fileName.toString();
        return n.length() > TrustedSignerRepository.MAX_NAME ? n.substring(0, TrustedSignerRepository.MAX_NAME) : n;
    }

    private static String checkName(String name) {
        String n = name.strip();
        if (n.isEmpty() || n.length() > TrustedSignerRepository.MAX_NAME || n.chars().anyMatch(Character::isISOControl)) {
            throw new UserException(UserMessage.of("keys.error.badName", String.valueOf(TrustedSignerRepository.MAX_NAME)));
        }
        return n;
    }
}
