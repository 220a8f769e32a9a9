package org.trustbench.training;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.trustbench.intake.IntakeBatch;

/**
 * A demo dataset read and checked in full, ready to be written in one transaction.
 *
 * @param scenarios the problem tags of each case, by case number ({@code []} for a clean case)
 */
public record Dataset(String name, String titleZh, String titleEn, LocalDate referenceDate,
                      IntakeBatch batch, Map<String, List<String>> scenarios) {

    public Dataset {
        scenarios = Map.copyOf(scenarios);
    }
}
