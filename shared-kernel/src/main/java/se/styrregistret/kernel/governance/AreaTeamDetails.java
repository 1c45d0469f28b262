package se.styrregistret.kernel.governance;

/** What only an area team has: its district, host, commissioner and staff. */
public record AreaTeamDetails(String district, String hostOrganisation, String commissioningCommittee,
                              int teamLeaders, int safetyWardens, String purpose) {
}
