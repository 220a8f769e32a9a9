package org.trustbench.verify.rules;

import java.util.List;
import org.trustbench.domain.Attachment;
import org.trustbench.domain.EvidenceItem;
import org.trustbench.verify.CheckInput;
import org.trustbench.verify.Facts;
import org.trustbench.domain.Finding;
import org.trustbench.verify.Rule;
import org.trustbench.domain.Severity;

/** ATT-DIGEST: an attachment's stored content no longer matches its SM3 digest. */
public final class AttachmentRule implements Rule {

    @Override
    public List<String> ids() {
        return List.of("ATT-DIGEST");
    }

    @Override
    public void check(CheckInput input, List<Finding> out) {
        for (EvidenceItem item : input.filingCase().evidence()) {
            for (Attachment a : item.attachments()) {
                if (input.corruptBlobs().contains(a.sm3())) {
                    out.add(Finding.of("ATT-DIGEST", Severity.BLOCKER, "mismatch", List.of(Facts.ref(item, null)),
                            a.fileName(), item.title(), a.sm3()));
                }
            }
        }
    }
}
