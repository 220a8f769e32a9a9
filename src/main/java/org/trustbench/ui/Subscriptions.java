package org.trustbench.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/** Listeners a view registered on longer-lived objects; {@link #dispose()} removes them all. */
public final class Subscriptions {

    private final List<Runnable> removals = new ArrayList<>();

    public <T> void onChange(ObservableValue<T> value, ChangeListener<? super T> listener) {
        value.addListener(listener);
        removals.add(() -> value.removeListener(listener));
    }

    public void onInvalidate(Observable value, InvalidationListener listener) {
        value.addListener(listener);
        removals.add(() -> value.removeListener(listener));
    }

    public <T> void onListChange(ObservableList<T> list, ListChangeListener<? super T> listener) {
        list.addListener(listener);
        removals.add(() -> list.removeListener(listener));
    }

    /** Registers any other clean-up, such as unbinding. */
    public void add(Runnable removal) {
        removals.add(removal);
    }

    public void dispose() {
        for (int i = removals.size() - 1; i >= 0; i--) {
            removals.get(i).run();
        }
        removals.clear();
    }
}
