package org.trustbench.verify.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trustbench.verify.CaseFixtures.INSPECTION;
import static org.trustbench.verify.CaseFixtures.INSPECTION_PHOTO;
import static org.trustbench.verify.CaseFixtures.INSPECTION_PHOTO_SM3;
import static org.trustbench.verify.CaseFixtures.INSPECTION_TITLE;
import static org.trustbench.verify.CaseFixtures.MERCHANT_PREMISES;
import static org.trustbench.verify.CaseFixtures.assertFinding;
import static org.trustbench.verify.CaseFixtures.clean;
import static org.trustbench.verify.CaseFixtures.digest;
import static org.trustbench.verify.CaseFixtures.only;
import static org.trustbench.verify.CaseFixtures.ref;
import static org.trustbench.verify.CaseFixtures.run;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.trustbench.domain.Attachment;
import org.trustbench.domain.Finding;
import org.trustbench.domain.Severity;

class AttachmentRuleTest {

    @Test
    void intactAttachmentsHaveNoFinding() {
        assertTrue(run(new AttachmentRule(), clean()).isEmpty());
    }

    @Test
    void corruptBlobsOfOtherCasesAreIgnored() {
        assertTrue(run(new AttachmentRule(), clean().corrupt(digest(999_999))).isEmpty());
    }

    @Test
    void attachmentNoLongerMatchingItsDigestIsABlocker() {
        assertFinding(only(run(new AttachmentRule(), clean().corrupt(INSPECTION_PHOTO_SM3))), "ATT-DIGEST", Severity.BLOCKER,
                "finding.ATT-DIGEST.mismatch", List.of(INSPECTION_PHOTO, INSPECTION_TITLE, INSPECTION_PHOTO_SM3),
                List.of(ref(INSPECTION, null)));
    }

    @Test
    void sameCorruptBlobAttachedTwiceIsReportedOnEachItem() {
        var b = clean().attachments(MERCHANT_PREMISES, new Attachment("storefront.png", "image/png", INSPECTION_PHOTO_SM3, 311_804))
                .corrupt(INSPECTION_PHOTO_SM3);
        List<Finding> f = run(new AttachmentRule(), b);
        assertEquals(List.of(ref(MERCHANT_PREMISES, null), ref(INSPECTION, null)),
                f.stream().flatMap(x -> x.refs().stream()).toList());
    }
}
