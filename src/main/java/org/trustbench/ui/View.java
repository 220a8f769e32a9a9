package org.trustbench.ui;

import javafx.scene.Parent;

/** A screen or part of one. It owns its controls and releases its listeners in {@link #dispose()}. */
public interface View {

    Parent root();

    /** Releases listeners and bindings on objects that outlive the view. */
    void dispose();
}
