package dev.clientdesk.client.health;

public enum HealthRecommendation {
    KEEP, SET_BOUNDARIES, RAISE_RATE, END_RELATIONSHIP
}
