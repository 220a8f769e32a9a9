package org.trustbench.sync.keys;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryPermission;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.AclFileAttributeView;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trustbench.crypto.Sm2;
import org.trustbench.i18n.UserException;
import org.trustbench.i18n.UserMessage;

/**
 * The identity of one store: an SM2 key pair made on the store's first start. The private key is kept in the store
 * folder as {@value #KEY_FILE} (unencrypted PKCS#8 PEM, the form {@code openssl pkey} reads), readable by the owner
 * only; it never leaves the workstation. See docs/workstation-keys.md.
 *
 * <ul>
 *   <li>{@link #fingerprint()}: lower-case hex SM3 of the public key's DER SubjectPublicKeyInfo (64 characters),
 *       the key ID under which other stores trust this one ({@link Sm2#fingerprint}).</li>
 *   <li>{@link #workstationId()}: the first {@value #WORKSTATION_ID_LENGTH} characters of the fingerprint (64 bits),
 *       short enough to name the workstation in package manifests and on screen. It is derived from the key, so a
 *       store that loses its key and makes a new one gets a new ID.</li>
 * </ul>
 *
 * <p>The key is written to a temporary file in the same folder, flushed to disk and moved into place in one atomic
 * rename, so a crash never leaves half a key. On POSIX file systems the file is created with mode {@code 600}
 * before any key byte is written; on Windows (ACL file systems) its ACL is set to one entry granting the owner
 * everything, without inherited entries; on a file system with neither (e.g. FAT) the key is written with the
 * folder's defaults and a warning is logged. Call {@link #loadOrCreate} while holding the store's lock (after
 * {@code Store.open}), so two processes never make two keys.
 *
 * <p>A key file that exists but cannot be read, or is not an SM2 private key, stops the start with a
 * {@link UserException} naming the file: a new key would silently change the workstation's identity.
 */
public final class WorkstationKeys {

    /** File name of the private key inside the store folder. */
    public static final String KEY_FILE = "workstation-key.pem";
    /** Length of {@link #workstationId()}: hex characters taken from the start of the fingerprint. */
    public static final int WORKSTATION_ID_LENGTH = 16;
    /** A PKCS#8 SM2 key is about 250 bytes of PEM; anything much larger is not one. */
    static final int MAX_KEY_FILE_BYTES = 16 * 1024;
    private static final String TEMP_PREFIX = KEY_FILE + ".tmp-";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Logger LOG = LoggerFactory.getLogger(WorkstationKeys.class);

    private final Path keyFile;
    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final String fingerprint;
    private final boolean created;

    private WorkstationKeys(Path keyFile, PrivateKey privateKey, boolean created) {
        this.keyFile = keyFile;
        this.privateKey = privateKey;
        this.publicKey = Sm2.publicKeyOf(privateKey);
        this.fingerprint = Sm2.fingerprint(publicKey);
        this.created = created;
    }

    /**
     * Loads the store's key pair from {@code <storeFolder>/}{@value #KEY_FILE}, creating it (and the folder) on the
     * first start. Blocking file I/O.
     *
     * @throws UserException if the key file exists but cannot be read or does not hold an SM2 private key
     *                       ({@code keys.error.workstationKeyUnreadable}, {@code keys.error.workstationKeyCorrupt}),
     *                       or a new key cannot be written ({@code keys.error.workstationKeyWrite})
     */
    public static WorkstationKeys loadOrCreate(Path storeFolder) {
        Objects.requireNonNull(storeFolder, "storeFolder");
        Path folder = storeFolder.toAbsolutePath().normalize();
        Path file = folder.resolve(KEY_FILE);
        removeLeftoverTempFiles(folder);
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return load(file);
        }
        return create(folder, file);
    }

    /** The private key: signs this workstation's outbound packages. Never written anywhere else. */
    public PrivateKey privateKey() {
        return privateKey;
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    /** Lower-case hex SM3 of the DER SubjectPublicKeyInfo: the key ID other stores trust. */
    public String fingerprint() {
        return fingerprint;
    }

    /** The public key as SubjectPublicKeyInfo PEM, to hand to a central desk ({@code keys trust}). */
    public String publicKeyPem() {
        return Sm2.encodePublicKeyPem(publicKey);
    }

    /** The first {@value #WORKSTATION_ID_LENGTH} hex characters of {@link #fingerprint()}. */
    public String workstationId() {
        return workstationIdOf(fingerprint);
    }

    /** The workstation ID belonging to a key fingerprint. */
    public static String workstationIdOf(String fingerprint) {
        if (fingerprint == null || fingerprint.length() < WORKSTATION_ID_LENGTH) {
            throw new IllegalArgumentException("not a key fingerprint: " + fingerprint);
        }
        return fingerprint.substring(0, WORKSTATION_ID_LENGTH);
    }

    /** Where the private key is kept. */
    public Path keyFile() {
        return keyFile;
    }

    /** True when this call made the key (the store's first start), e.g. to write an audit entry. */
    public boolean created() {
        return created;
    }

    @Override
    public String toString() {
        return "WorkstationKeys[" + workstationId() + ", " + keyFile + "]";
    }

    // ------------------------------------------------------------------ load

    private static WorkstationKeys load(Path file) {
        String pem;
        try {
            if (!Files.isRegularFile(file)) {
                throw unreadable(file, "not a regular file", null);
            }
            if (Files.size(file) > MAX_KEY_FILE_BYTES) {
                throw corrupt(file, "larger than " + MAX_KEY_FILE_BYTES + " bytes", null);
            }
            // ISO-8859-1 maps every byte, so binary garbage is reported as a damaged key, not as unreadable.
            pem = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        } catch (NoSuchFileException e) {
            throw unreadable(file, "it is a link to a missing file", e);
        } catch (IOException e) {
            throw unreadable(file, reason(e), e);
        }
        PrivateKey key;
        try {
            key = Sm2.decodePrivateKeyPem(pem);
        } catch (IllegalArgumentException e) {
            throw corrupt(file, e.getMessage(), e);
        }
        tightenIfLoose(file);
        return new WorkstationKeys(file, key, false);
    }

    /** A key file readable by others (copied, restored from a backup …) is reset to owner-only, with a warning. */
    private static void tightenIfLoose(Path file) {
        PosixFileAttributeView posix = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (posix == null) {
            return;
        }
        try {
            Set<PosixFilePermission> perms = posix.readAttributes().permissions();
            if (!OWNER_ONLY.containsAll(perms)) {
                LOG.warn("Workstation key {} was {}; resetting it to rw-------", file, PosixFilePermissions.toString(perms));
                posix.setPermissions(OWNER_ONLY);
            }
        } catch (IOException e) {
            LOG.warn("Could not check or tighten the permissions of {}", file, e);
        }
    }

    // ------------------------------------------------------------------ create

    private static WorkstationKeys create(Path folder, Path file) {
        KeyPair pair = Sm2.generateKeyPair();
        byte[] pem = Sm2.encodePrivateKeyPem(pair.getPrivate()).getBytes(StandardCharsets.US_ASCII);
        Path temp = folder.resolve(TEMP_PREFIX + UUID.randomUUID());
        try {
            Files.createDirectories(folder);
            createOwnerOnly(temp);
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                OutputStream out = Channels.newOutputStream(channel);
                out.write(pem);
                out.flush();
                channel.force(true);
            }
            moveIntoPlace(temp, file);
            syncFolder(folder);
        } catch (IOException e) {
            deleteQuietly(temp);
            throw new UserException(UserMessage.of("keys.error.workstationKeyWrite", file, reason(e)), e);
        }
        LOG.info("Created the workstation key {}", file);
        return new WorkstationKeys(file, pair.getPrivate(), true);
    }

    /** Creates an empty file only the owner may read or write, before any secret goes into it. */
    private static void createOwnerOnly(Path path) throws IOException {
        Path folder = path.getParent();
        if (Files.getFileAttributeView(folder, PosixFileAttributeView.class) != null) {
            FileAttribute<Set<PosixFilePermission>> mode = PosixFilePermissions.asFileAttribute(OWNER_ONLY);
            Files.createFile(path, mode);
            // Set explicitly as well: what the creation mode yields can depend on the umask and the file system.
            Files.setPosixFilePermissions(path, OWNER_ONLY);
            return;
        }
        Files.createFile(path);
        AclFileAttributeView acl = Files.getFileAttributeView(path, AclFileAttributeView.class);
        if (acl != null) {
            UserPrincipal owner = acl.getOwner();
            AclEntry ownerOnly = AclEntry.newBuilder()
                    .setType(AclEntryType.ALLOW)
                    .setPrincipal(owner)
                    .setPermissions(EnumSet.allOf(AclEntryPermission.class))
                    .build();
            acl.setAcl(List.of(ownerOnly));
            return;
        }
        LOG.warn("The file system of {} supports neither POSIX permissions nor ACLs; the workstation key is "
                + "protected only by the permissions of its folder", folder);
    }

    private static void moveIntoPlace(Path temp, Path file) throws IOException {
        try {
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            LOG.warn("Atomic rename is not supported in {}; moving the workstation key without it", file.getParent());
            Files.move(temp, file);
        }
    }

    /** Makes the rename itself durable (POSIX); folders cannot be opened for sync on Windows, where this is skipped. */
    private static void syncFolder(Path folder) {
        try (FileChannel dir = FileChannel.open(folder, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException | RuntimeException e) {
            LOG.debug("Could not sync folder {} (normal on Windows)", folder, e);
        }
    }

    /** Temporary files left by a crash between creating the key and moving it into place hold no trusted key. */
    private static void removeLeftoverTempFiles(Path folder) {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(folder, TEMP_PREFIX + "*")) {
            for (Path p : leftovers) {
                LOG.info("Removing the unfinished workstation key {}", p);
                deleteQuietly(p);
            }
        } catch (IOException e) {
            LOG.warn("Could not look for unfinished workstation keys in {}", folder, e);
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            LOG.warn("Could not delete {}", p, e);
        }
    }

    private static UserException unreadable(Path file, String reason, Throwable cause) {
        return new UserException(UserMessage.of("keys.error.workstationKeyUnreadable", file, reason), cause);
    }

    private static UserException corrupt(Path file, String reason, Throwable cause) {
        return new UserException(UserMessage.of("keys.error.workstationKeyCorrupt", file, reason), cause);
    }

    /** A short, single-line reason for an I/O failure. */
    static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m.strip().replaceAll("\\s+", " ");
    }
}
