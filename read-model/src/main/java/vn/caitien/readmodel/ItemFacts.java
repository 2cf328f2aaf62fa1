package vn.caitien.readmodel;

import java.time.YearMonth;

/**
 * What {@link Standing} needs to judge one item: its status and recorded percent, the month it should be
 * done by, its planned budget and the amount spent so far. An {@link ItemRow} gives them; a reader that
 * keeps only these columns builds them itself.
 */
public record ItemFacts(String status, Integer percent, YearMonth end, Long budgetPlanned, Long amountSpent) {
}
