package org.trustbench.bench.fx;

import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongSupplier;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;

/**
 * JavaFX probes run in child JVMs by the benchmark. The child sets {@link #configure} before
 * {@link Application#launch}; the probe reports through the given sink and exits.
 * <ul>
 *   <li>{@code MINIMAL}: a window with one label; reports the milliseconds from JVM start to its first frame.</li>
 *   <li>{@code QUEUE}: starts the application's own start path on the primary stage (the function); reports the
 *       milliseconds from JVM start to the first frame with rows in its queue.</li>
 *   <li>{@code PULSE}: shows a window whose animation timer records the longest gap between pulses while the
 *       background work runs on another thread; reports the gap and the number of pulses.</li>
 * </ul>
 */
public final class FxProbe extends Application {

    /** What a probe does. */
    public enum Mode { MINIMAL, QUEUE, PULSE }

    private static final AtomicReference<Config> CONFIG = new AtomicReference<>();

    /**
     * The probe's job; {@code app} starts the application on the primary stage and tells when its queue shows rows
     * (QUEUE), {@code work} runs in the background (PULSE). {@code stops} counts the starts and ends of the times the
     * harness itself stopped the JVM (the heap probe's forced collections; odd while one is under way): a gap between
     * pulses during which it changed, or that ends while it is odd, is the harness's, not the application's, and is
     * not counted.
     */
    public record Config(Mode mode, Function<Stage, BooleanSupplier> app, Runnable work,
                         Consumer<Map<String, Object>> report, LongSupplier stops) {
        public Config(Mode mode, Function<Stage, BooleanSupplier> app, Runnable work,
                      Consumer<Map<String, Object>> report) {
            this(mode, app, work, report, () -> 0);
        }
    }

    public static void configure(Config config) {
        CONFIG.set(config);
    }

    @Override
    public void start(Stage stage) {
        Config config = CONFIG.get();
        if (config.mode() == Mode.QUEUE) {
            // The application's own start path on this primary stage; the frame counted is the first with queue rows.
            BooleanSupplier ready = config.app().apply(stage);
            reportFirstFrame(config, ready);
            return;
        }
        BorderPane root = new BorderPane();
        root.setCenter(new Label("TrustBench bench probe"));
        stage.setScene(new Scene(root, 1000, 700));
        stage.setTitle("bench probe");
        if (config.mode() == Mode.PULSE) {
            startPulse(config);
        } else {
            reportFirstFrame(config, () -> true);
        }
        stage.show();
    }

    /** Reports at the first pulse at which {@code ready} holds: the frame that pulse renders shows it (both modes alike). */
    private static void reportFirstFrame(Config config, BooleanSupplier ready) {
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (!ready.getAsBoolean()) {
                    return;
                }
                stop();
                long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
                config.report().accept(Map.of("firstFrameMs", System.currentTimeMillis() - jvmStart));
                Platform.exit();
            }
        }.start();
    }

    private static void startPulse(Config config) {
        long[] last = {0};
        long[] maxGap = {0};
        long[] pulses = {0};
        long[] stops = {config.stops().getAsLong()};
        boolean[] done = {false};
        AnimationTimer timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                long t = System.nanoTime();
                long s = config.stops().getAsLong();
                if (last[0] != 0 && s == stops[0] && s % 2 == 0) {
                    maxGap[0] = Math.max(maxGap[0], t - last[0]);
                }
                stops[0] = s;
                last[0] = t;
                pulses[0]++;
            }
        };
        timer.start();
        Thread worker = new Thread(() -> {
            long started = System.nanoTime();
            Throwable failure = null;
            try {
                config.work().run();
            } catch (RuntimeException | Error e) {
                failure = e;
            }
            long elapsed = System.nanoTime() - started;
            Throwable f = failure;
            Platform.runLater(() -> {
                timer.stop();
                done[0] = true;
                java.util.Map<String, Object> r = new java.util.LinkedHashMap<>();
                r.put("maxPulseGapMs", maxGap[0] / 1e6);
                r.put("pulses", pulses[0]);
                r.put("workMs", elapsed / 1e6);
                if (f != null) {
                    r.put("error", String.valueOf(f));
                }
                config.report().accept(r);
                Platform.exit();
            });
        }, "bench-background-work");
        worker.setDaemon(true);
        worker.start();
    }
}
