-- Where a decline letter's encouragement points: the workspace's own free resources (an absolute http(s) URL).
ALTER TABLE workspace_policy ADD COLUMN free_resources_url TEXT;

-- Accepting again a lead whose email belongs to a client you ended needs a stated reason; it is kept here.
ALTER TABLE client ADD COLUMN acceptance_exception TEXT;
