package org.trustbench.decision.notice;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.OS2WindowsMetricsTable;
import org.apache.fontbox.ttf.OpenTypeFont;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trustbench.i18n.UserMessage;

/**
 * A TrueType font on this machine with Chinese glyphs, used for all text of the decision notice
 * (CJK fonts carry Latin glyphs too, so one font serves both languages).
 *
 * <p>Search order of {@link #find()}:
 * <ol>
 *   <li>an explicit font file (or folder) from the system property {@value #PROPERTY} or the
 *       environment variable {@value #ENV};</li>
 *   <li>well-known files for this operating system: WenQuanYi Zen Hei / Micro Hei, AR PL UMing,
 *       Droid Sans Fallback on Linux; Microsoft YaHei, SimSun, SimHei on Windows; Arial Unicode,
 *       STHeiti, Songti on macOS;</li>
 *   <li>a scan of the usual font folders for {@code *.ttf}/{@code *.ttc} files with Chinese glyphs.</li>
 * </ol>
 * A font is accepted only when it has TrueType outlines ({@code glyf}), glyphs for 中, 文 and A,
 * and its OS/2 {@code fsType} permits embedding and subsetting. CFF-based OpenType fonts (Noto Sans
 * CJK / Source Han {@code .otf} and their {@code .ttc}) are skipped: PDFBox 3 cannot embed them as
 * a Type 0 TrueType font. PingFang on macOS is not embeddable either.
 *
 * <p>Only a <em>subset</em> of the font (the glyphs a notice uses) is embedded in the PDF.
 * Licence: WenQuanYi Zen Hei (Debian package {@code fonts-wqy-zenhei}) is GPLv2 <em>with a font
 * embedding exception</em>: embedding the font, or a subset, in a document does not by itself make
 * the document GPL-covered, so a generated notice may carry it. Other fonts found on the machine
 * are embedded only when their own {@code fsType} flags allow it.
 */
public final class CjkFont {

    /** System property naming a font file (or a folder to scan) to use first. */
    public static final String PROPERTY = "trustbench.cjkFont";
    /** Environment variable naming a font file (or a folder to scan) to use first. */
    public static final String ENV = "TRUSTBENCH_CJK_FONT";

    private static final Logger LOG = LoggerFactory.getLogger(CjkFont.class);
    private static final int MAX_SCANNED_FILES = 2000;
    private static final int MAX_SCAN_DEPTH = 6;
    private static final List<String> NAME_HINTS = List.of("wqy", "zenhei", "microhei", "droidsansfallback",
            "uming", "ukai", "msyh", "simsun", "simhei", "simkai", "deng", "heiti", "songti", "arialuni",
            "arial unicode", "cjk", "han", "hei", "song", "kai", "gb", "sc", "cn", "zh", "fallback", "unicode");

    private final Path path;
    private final int index;
    private final String name;

    private CjkFont(Path path, int index, String name) {
        this.path = path;
        this.index = index;
        this.name = name;
    }

    /** The font file. */
    public Path path() {
        return path;
    }

    /** The font's PostScript name, e.g. {@code WenQuanYiZenHei}. */
    public String name() {
        return name;
    }

    /** The font's index in a {@code .ttc} collection; 0 for a single font file. */
    public int index() {
        return index;
    }

    @Override
    public String toString() {
        return name + " (" + path + (path.toString().toLowerCase(Locale.ROOT).endsWith(".ttc") ? " #" + index : "") + ")";
    }

    /**
     * The first usable font in the search order described above.
     *
     * @throws NoticeException {@code notice.error.noCjkFont} with a summary of the places searched
     */
    public static CjkFont find() {
        List<Path> explicit = new ArrayList<>();
        for (String value : new String[] {System.getProperty(PROPERTY), System.getenv(ENV)}) {
            if (value != null && !value.isBlank()) {
                explicit.add(Path.of(value.strip()));
            }
        }
        List<String> searched = new ArrayList<>();
        for (Path p : explicit) {
            Optional<CjkFont> found = tryCandidate(p, searched);
            if (found.isPresent()) {
                return found.get();
            }
            LOG.warn("The Chinese font set by {} / {} ({}) is missing or unusable; searching the usual places",
                    PROPERTY, ENV, p);
        }
        for (Path p : wellKnownFiles()) {
            Optional<CjkFont> found = probe(p);
            searched.add(p.toString());
            if (found.isPresent()) {
                return found.get();
            }
        }
        for (Path dir : fontDirectories()) {
            Optional<CjkFont> found = scan(dir);
            searched.add(dir + "/**");
            if (found.isPresent()) {
                return found.get();
            }
        }
        throw notFound(searched);
    }

    /**
     * The first usable font among {@code candidates} only (each a font file, or a folder that is
     * scanned); no other place is searched.
     *
     * @throws NoticeException {@code notice.error.noCjkFont} when none is usable
     */
    public static CjkFont find(List<Path> candidates) {
        List<String> searched = new ArrayList<>();
        for (Path p : candidates) {
            Optional<CjkFont> found = tryCandidate(p, searched);
            if (found.isPresent()) {
                return found.get();
            }
        }
        throw notFound(searched);
    }

    private static Optional<CjkFont> tryCandidate(Path p, List<String> searched) {
        if (Files.isDirectory(p)) {
            searched.add(p + "/**");
            return scan(p);
        }
        searched.add(p.toString());
        return probe(p);
    }

    private static NoticeException notFound(List<String> searched) {
        String summary = String.join("; ", new LinkedHashSet<>(searched));
        return new NoticeException(UserMessage.of("notice.error.noCjkFont", summary.isEmpty() ? "-" : summary));
    }

    /**
     * The font in {@code file} if it is a usable Chinese TrueType font ({@code .ttf}, or the first
     * usable font of a {@code .ttc} collection); empty for a missing, unreadable, CFF-based or
     * non-embeddable font.
     */
    public static Optional<CjkFont> probe(Path file) {
        if (file == null || !Files.isRegularFile(file) || !Files.isReadable(file)) {
            return Optional.empty();
        }
        try {
            String tag = tag(file);
            if ("ttcf".equals(tag)) {
                AtomicInteger i = new AtomicInteger();
                AtomicReference<CjkFont> first = new AtomicReference<>();
                try (TrueTypeCollection ttc = new TrueTypeCollection(file.toFile())) {
                    ttc.processAllFonts(font -> {
                        int index = i.getAndIncrement();
                        if (first.get() == null && usable(font)) {
                            first.set(new CjkFont(file, index, font.getName()));
                        }
                    });
                }
                return Optional.ofNullable(first.get());
            }
            if ("OTTO".equals(tag)) {
                LOG.debug("Skipping {}: CFF-based OpenType cannot be embedded by PDFBox", file);
                return Optional.empty();
            }
            if ("\0\1\0\0".equals(tag) || "true".equals(tag)) {
                try (TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBufferedFile(file))) {
                    return usable(font) ? Optional.of(new CjkFont(file, 0, font.getName())) : Optional.empty();
                }
            }
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            LOG.debug("Skipping font {}: {}", file, e.toString());
            return Optional.empty();
        }
    }

    private static String tag(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] b = in.readNBytes(4);
            return b.length == 4 ? new String(b, java.nio.charset.StandardCharsets.ISO_8859_1) : "";
        }
    }

    private static boolean usable(TrueTypeFont font) throws IOException {
        if (font instanceof OpenTypeFont otf && otf.isPostScript()) {
            return false;
        }
        if (!font.getTableMap().containsKey("glyf")) {
            return false;
        }
        OS2WindowsMetricsTable os2 = font.getOS2Windows();
        if (os2 != null) {
            int fsType = os2.getFsType();
            boolean restricted = (fsType & 0x000F) == 0x0002;
            boolean noSubsetting = (fsType & 0x0100) != 0;
            boolean bitmapOnly = (fsType & 0x0200) != 0;
            if (restricted || noSubsetting || bitmapOnly) {
                return false;
            }
        }
        CmapLookup cmap = font.getUnicodeCmapLookup(false);
        return cmap != null && cmap.getGlyphId('中') > 0 && cmap.getGlyphId('文') > 0 && cmap.getGlyphId('A') > 0;
    }

    private static Optional<CjkFont> scan(Path dir) {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir, MAX_SCAN_DEPTH)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(p -> {
                        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
                        return n.endsWith(".ttf") || n.endsWith(".ttc") || n.endsWith(".otf");
                    })
                    .limit(MAX_SCANNED_FILES)
                    .sorted(Comparator.comparingInt(CjkFont::hintRank).thenComparing(Path::toString))
                    .collect(Collectors.toList());
        } catch (IOException | RuntimeException e) {
            LOG.debug("Cannot scan font folder {}: {}", dir, e.toString());
            return Optional.empty();
        }
        for (Path f : files) {
            Optional<CjkFont> found = probe(f);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static int hintRank(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        for (int i = 0; i < NAME_HINTS.size(); i++) {
            if (n.contains(NAME_HINTS.get(i))) {
                return i;
            }
        }
        return NAME_HINTS.size();
    }

    private enum Os { LINUX, WINDOWS, MAC }

    private static Os os() {
        String n = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        return n.startsWith("windows") ? Os.WINDOWS : n.contains("mac") || n.contains("darwin") ? Os.MAC : Os.LINUX;
    }

    /** Well-known Chinese TrueType font files for this operating system, best first. */
    static List<Path> wellKnownFiles() {
        return switch (os()) {
            case WINDOWS -> {
                Path fonts = windowsDir().resolve("Fonts");
                yield Stream.of("msyh.ttc", "msyh.ttf", "simsun.ttc", "simhei.ttf", "Deng.ttf", "simkai.ttf")
                        .map(fonts::resolve).toList();
            }
            case MAC -> Stream.of("/Library/Fonts/Arial Unicode.ttf",
                    "/System/Library/Fonts/Supplemental/Arial Unicode.ttf",
                    "/System/Library/Fonts/STHeiti Light.ttc", "/System/Library/Fonts/STHeiti Medium.ttc",
                    "/System/Library/Fonts/Supplemental/Songti.ttc", "/Library/Fonts/Songti.ttc")
                    .map(Path::of).toList();
            case LINUX -> Stream.of(
                    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
                    "/usr/share/fonts/wqy-zenhei/wqy-zenhei.ttc",
                    "/usr/share/fonts/wenquanyi/wqy-zenhei/wqy-zenhei.ttc",
                    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
                    "/usr/share/fonts/wqy-microhei/wqy-microhei.ttc",
                    "/usr/share/fonts/wenquanyi/wqy-microhei/wqy-microhei.ttc",
                    "/usr/share/fonts/truetype/arphic/uming.ttc",
                    "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
                    "/usr/share/fonts/google-droid/DroidSansFallbackFull.ttf")
                    .map(Path::of).toList();
        };
    }

    /** Font folders scanned when no well-known file is usable. */
    static List<Path> fontDirectories() {
        Path home = Path.of(System.getProperty("user.home", "."));
        List<Path> dirs = switch (os()) {
            case WINDOWS -> {
                List<Path> d = new ArrayList<>(List.of(windowsDir().resolve("Fonts")));
                String local = System.getenv("LOCALAPPDATA");
                if (local != null) {
                    d.add(Path.of(local, "Microsoft", "Windows", "Fonts"));
                }
                yield d;
            }
            case MAC -> List.of(home.resolve("Library/Fonts"), Path.of("/Library/Fonts"),
                    Path.of("/System/Library/Fonts"));
            case LINUX -> List.of(home.resolve(".local/share/fonts"), home.resolve(".fonts"),
                    Path.of("/usr/local/share/fonts"), Path.of("/usr/share/fonts"));
        };
        Set<Path> existing = new LinkedHashSet<>();
        for (Path d : dirs) {
            if (Files.isDirectory(d)) {
                existing.add(d);
            }
        }
        return List.copyOf(existing);
    }

    private static Path windowsDir() {
        String windir = System.getenv("WINDIR");
        return Path.of(windir != null ? windir : "C:\\Windows");
    }

    /**
     * Opens the font file for one document. Keep the result open until the document is saved
     * (PDFBox reads the glyphs when it writes the subset), then close it.
     */
    public Opened open() throws IOException {
        if ("ttcf".equals(tag(path))) {
            TrueTypeCollection ttc = new TrueTypeCollection(path.toFile());
            try {
                AtomicInteger i = new AtomicInteger();
                AtomicReference<TrueTypeFont> chosen = new AtomicReference<>();
                ttc.processAllFonts(font -> {
                    if (i.getAndIncrement() == index) {
                        chosen.set(font);
                    }
                });
                if (chosen.get() == null) {
                    throw new IOException("font #" + index + " not found in " + path);
                }
                return new Opened(chosen.get(), ttc);
            } catch (IOException | RuntimeException e) {
                ttc.close();
                throw e;
            }
        }
        TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBufferedFile(path));
        return new Opened(font, font);
    }

    /** An opened font: embed it in a document and ask which characters it can show. */
    public static final class Opened implements Closeable {

        private final TrueTypeFont font;
        private final Closeable owner;
        private final CmapLookup cmap;

        private Opened(TrueTypeFont font, Closeable owner) throws IOException {
            this.font = Objects.requireNonNull(font);
            this.owner = owner;
            this.cmap = font.getUnicodeCmapLookup(false);
        }

        /** Loads the font into {@code document}, embedding only the glyphs the document uses. */
        public PDType0Font embedSubset(PDDocument document) throws IOException {
            return PDType0Font.load(document, font, true);
        }

        /** Whether the font has a glyph for {@code codePoint}. */
        public boolean hasGlyph(int codePoint) {
            return cmap != null && cmap.getGlyphId(codePoint) > 0;
        }

        @Override
        public void close() throws IOException {
            owner.close();
        }
    }
}
