package org.trustbench.training;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.trustbench.i18n.UserMessage;

/** Where a dataset's files come from: the classpath ({@code sample-data/NAME/}) or a folder on disk. */
public interface DatasetSource {

    /** Human-readable location, used in messages. */
    String describe();

    /** Opens {@code relativePath} inside the dataset. */
    InputStream open(String relativePath) throws IOException;

    /** Whether the dataset has the file {@code relativePath} (for optional files). */
    default boolean exists(String relativePath) {
        try (InputStream in = open(relativePath)) {
            return in != null;
        } catch (IOException e) {
            return false;
        }
    }

    /** A dataset packaged under {@code sample-data/NAME/} on the classpath. */
    static DatasetSource classpath(String name, ClassLoader loader) {
        if (!name.matches("[A-Za-z0-9_-]+")) {
            throw new DatasetException(UserMessage.of("dataset.error.unknown", name), null);
        }
        String base = "sample-data/" + name + "/";
        if (loader.getResource(base + DatasetReader.DATASET_FILE) == null) {
            throw new DatasetException(UserMessage.of("dataset.error.unknown", name), null);
        }
        return new DatasetSource() {
            @Override
            public String describe() {
                return name;
            }

            @Override
            public InputStream open(String relativePath) throws IOException {
                InputStream in = loader.getResourceAsStream(base + relativePath);
                if (in == null) {
                    throw new NoSuchFileException(base + relativePath);
                }
                return in;
            }
        };
    }

    /** A dataset in a folder on disk, laid out like {@code sample-data/default/}. */
    static DatasetSource folder(Path folder) {
        Path root = folder.toAbsolutePath().normalize();
        return new DatasetSource() {
            @Override
            public String describe() {
                return root.toString();
            }

            @Override
            public InputStream open(String relativePath) throws IOException {
                Path file = root.resolve(relativePath).normalize();
                if (!file.startsWith(root)) {
                    throw new NoSuchFileException(relativePath);
                }
                return Files.newInputStream(file);
            }
        };
    }
}
