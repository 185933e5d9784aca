package com.bank.callcenter.customers;

import java.util.Optional;
import java.util.regex.Pattern;

/** Mainland China mobile numbers: normalising what extracts contain, and masking for display. */
public final class MobileNumbers {

    private static final Pattern MAINLAND_MOBILE = Pattern.compile("1[3-9]\\d{9}");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-()]");

    private MobileNumbers() {
    }

    /**
     * "+86 138-0013-8000", "8613800138000", "138 0013 8000" → "13800138000";
     * empty when the text is not a mainland mobile number.
     */
    public static Optional<String> normalise(String raw) {
        if (isNormalised(raw)) {
            return Optional.of(raw);
        }
        String digits = SEPARATORS.matcher(raw.trim()).replaceAll("");
        if (digits.startsWith("+86")) {
            digits = digits.substring(3);
        } else if (digits.startsWith("86") && digits.length() == 13) {
            digits = digits.substring(2);
        }
        return MAINLAND_MOBILE.matcher(digits).matches() ? Optional.of(digits) : Optional.empty();
    }

    /** The common case of a daily extract, checked without regular expressions. */
    private static boolean isNormalised(String text) {
        if (text.length() != 11 || text.charAt(0) != '1' || text.charAt(1) < '3') {
            return false;
        }
        for (int i = 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** "13800138000" → "138****8000" (JR/T 0171-2020: C2 data is masked on display). */
    public static String mask(String mobile) {
        if (mobile == null || mobile.length() != 11) {
            return null;
        }
        return mobile.substring(0, 3) + "****" + mobile.substring(7);
    }
}
