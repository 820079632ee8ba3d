-- Consumed events are held against the workspace the directory holds for their client, under any workspace.
CREATE INDEX client_contact_client ON client_contact (client_id);
