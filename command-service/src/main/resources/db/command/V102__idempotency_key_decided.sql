-- When the command a key was claimed for committed its change: set in the command's own
-- transaction, so "decided" and the events it appended are one fact. A key still in progress
-- (status null) after its process died is then either decided (the change happened, only its
-- answer was lost: never run again) or not (nothing happened: the key may be taken up again).
ALTER TABLE registry.idempotency_key ADD COLUMN decided_at timestamptz;
