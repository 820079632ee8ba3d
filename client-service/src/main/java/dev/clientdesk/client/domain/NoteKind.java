package dev.clientdesk.client.domain;

/**
 * PREFERENCE: how the client likes to work (shape the work to it); NOTE: anything else;
 * SPECIAL_REQUEST: an exception to your policy, counted so you stay consistent; INCIDENT: bad treatment;
 * REINTAKE_EXCEPTION: written by the service when you accept again someone you had ended, with your reason.
 */
public enum NoteKind {
    PREFERENCE, NOTE, SPECIAL_REQUEST, INCIDENT, REINTAKE_EXCEPTION
}
