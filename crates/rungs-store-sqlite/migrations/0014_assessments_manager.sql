-- The home page's "Waiting for you" asks, on every load, for the open
-- assessments a person is assessed in or assessing: the second half needs
-- its own index, or each load scans every assessment.
CREATE INDEX assessments_manager ON assessments (manager_id);
