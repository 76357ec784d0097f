-- API tokens of the `impact` scope: they read the impact preview and
-- statement health (aggregates) and nothing else.
-- (`scim` came with 0008 and stays.)

ALTER TABLE api_tokens DROP CONSTRAINT api_tokens_scope;
ALTER TABLE api_tokens
    ADD CONSTRAINT api_tokens_scope CHECK (scope IN ('read', 'write', 'scim', 'impact'));
