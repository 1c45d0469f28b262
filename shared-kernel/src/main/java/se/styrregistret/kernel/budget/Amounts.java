package se.styrregistret.kernel.budget;

/** Money is whole kronor in a {@code long}, never floating point; these format it for people. */
public final class Amounts {

    private Amounts() {
    }

    /** "8 620 tkr", "2 520,5 tkr": thousands of kronor, exact, with a space between thousands. */
    public static String tkr(long kronor) {
        long whole = kronor / 1000;
        long rest = Math.abs(kronor % 1000);
        String sign = kronor < 0 && whole == 0 ? "-" : "";
        StringBuilder sb = new StringBuilder(sign).append(group(whole));
        if (rest != 0) {
            // three digits without their trailing zeros ("500" → "5"); by hand, as a summary formats thousands of sums
            String digits = Long.toString(rest + 1000).substring(1);
            int end = digits.length();
            while (digits.charAt(end - 1) == '0') end--;
            sb.append(',').append(digits, 0, end);
        }
        return sb.append(" tkr").toString();
    }

    /** "8 620 000 kr". */
    public static String kr(long kronor) {
        return group(kronor) + " kr";
    }

    private static String group(long n) {
        String digits = Long.toString(Math.abs(n));
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (digits.length() - i) % 3 == 0) sb.append(' ');
            sb.append(digits.charAt(i));
        }
        return (n < 0 ? "-" : "") + sb;
    }
}
