package org.trustbench.ui;

import java.util.concurrent.Callable;
import javafx.concurrent.Task;

/** Small factory for {@link Task}s whose body is a plain callable. */
public final class Tasks {

    private Tasks() {
    }

    public static <T> Task<T> of(Callable<T> body) {
        return new Task<>() {
            @Override
            protected T call() throws Exception {
                return body.call();
            }
        };
    }
}
