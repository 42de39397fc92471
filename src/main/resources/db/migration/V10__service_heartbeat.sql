-- The last moment some instance was serving (epoch milliseconds, written every second by each
-- instance's DatabaseWatch). An instance that starts and finds it stale gives the gap's time back.
INSERT INTO platform_setting (name, value) VALUES ('service.heartbeat', '');
