package io.github.harborupload.ui.history;

import io.github.harborupload.flow.Guide;
import io.github.harborupload.ui.WizardContext;
import io.github.harborupload.ui.common.OpenedPage;
import javafx.geometry.Pos;
import javafx.scene.control.Hyperlink;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

/**
 * The two ways out of the path that the first and last steps offer: the list of earlier uploads,
 * and the platform guide's common problems in the wizard's language. A node of its own, so a step
 * takes it with one line.
 */
public final class HistoryLinks extends VBox {

    /** @param closed what the step does once the list is closed (an import there may have changed what it shows) */
    public HistoryLinks(WizardContext context, Runnable closed) {
        super(4);
        Hyperlink earlier = new Hyperlink(context.text("history.link"));
        earlier.setId("earlierUploadsLink");
        earlier.setOnAction(event -> {
            HistoryDialog.show(context, getScene().getWindow());
            closed.run();
        });
        Hyperlink faq = new Hyperlink(context.text("help.faq"));
        faq.setId("faqLink");
        OpenedPage opened = new OpenedPage(context, "faqOpened");
        faq.setOnAction(event -> opened.open(Guide.commonProblems(context.translator().language())));
        FlowPane links = new FlowPane(12, 0, earlier, faq);
        links.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(links, opened);
    }
}
