-- API tokens of the `impact` scope: they read the impact preview and
-- statement health (aggregates) and nothing else.
-- (`scim` came with 0008 and stays.)

DROP TRIGGER api_tokens_check_insert;
DROP TRIGGER api_tokens_check_update;
CREATE TRIGGER api_tokens_check_insert BEFORE INSERT ON api_tokens BEGIN
    SELECT RAISE(ABORT, 'api_tokens_scope: scope must be read, write, scim or impact')
    WHERE NEW.scope NOT IN ('read', 'write', 'scim', 'impact');
END;
CREATE TRIGGER api_tokens_check_update BEFORE UPDATE OF scope ON api_tokens BEGIN
    SELECT RAISE(ABORT, 'api_tokens_scope: scope must be read, write, scim or impact')
    WHERE NEW.scope NOT IN ('read', 'write', 'scim', 'impact');
END;
