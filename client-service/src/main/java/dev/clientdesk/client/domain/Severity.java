package dev.clientdesk.client.domain;

/** How much a red flag weighs; one HIGH flag is enough to recommend declining. */
public enum Severity {
    LOW(10), MEDIUM(20), HIGH(40);

    private final int weight;

    Severity(int weight) {
        this.weight = weight;
    }

    public int weight() {
        return weight;
    }
}
