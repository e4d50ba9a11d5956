package io.github.harborupload.ui;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/** Placeholder window until the wizard lands. */
public final class WizardApplication extends Application {

    @Override
    public void start(Stage stage) {
        stage.setTitle("Harbor Upload Wizard · 镜像上传向导");
        stage.setScene(new Scene(new StackPane(new Label("Harbor Upload Wizard · 镜像上传向导")), 720, 480));
        stage.show();
    }
}
