package dev.clientdesk.kit.sample;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import java.util.UUID;

@Entity
public class Widget {
    @Id
    public UUID id;
    public String tenantId;
    public String name;
    public String colour;
    @Version
    public long version;
}
