import { ConfigError } from '@civicpulse/server-kit';
import { loadIngestConfig } from './ingest-config';

const base = { DATABASE_URL: 'postgres://u:p@localhost:5432/civicpulse' };

describe('loadIngestConfig', () => {
  it('applies defaults', () => {
    const config = loadIngestConfig(base);
    expect(config).toMatchObject({
      databaseUrl: base.DATABASE_URL,
      cityTimeZone: 'Asia/Shanghai',
      logLevel: 'info',
      demoPortalUrl: undefined,
      allowedPrivateHosts: [],
      healthPort: 3001,
      batchSize: 10_000,
      writeConnections: 2,
      schedulerEnabled: true,
      sourceRefreshSeconds: 30,
      manifestVariables: {},
    });
  });

  it('reads every variable and allows the demo portal host automatically', () => {
    const config = loadIngestConfig({
      ...base,
      CITY_TIME_ZONE: 'Europe/Berlin',
      LOG_LEVEL: 'debug',
      DEMO_PORTAL_URL: 'http://127.0.0.1:8790/',
      ALLOWED_PRIVATE_HOSTS: 'portal.internal, 10.0.0.5',
      INGEST_HEALTH_PORT: '0',
      INGEST_BATCH_SIZE: '500',
      INGEST_WRITE_CONNECTIONS: '1',
      SCHEDULER_ENABLED: 'false',
      SOURCE_REFRESH_SECONDS: '5',
    });
    expect(config.cityTimeZone).toBe('Europe/Berlin');
    expect(config.logLevel).toBe('debug');
    expect(config.demoPortalUrl).toBe('http://127.0.0.1:8790');
    expect(config.manifestVariables).toEqual({ DEMO_PORTAL_URL: 'http://127.0.0.1:8790' });
    expect(config.allowedPrivateHosts.sort()).toEqual(['10.0.0.5', '127.0.0.1', 'portal.internal']);
    expect(config.healthPort).toBe(0);
    expect(config.batchSize).toBe(500);
    expect(config.writeConnections).toBe(1);
    expect(config.schedulerEnabled).toBe(false);
    expect(config.sourceRefreshSeconds).toBe(5);
  });

  it('refuses a write connection count outside 1–8, naming the variable', () => {
    for (const value of ['0', '9', 'two']) {
      expect(() => loadIngestConfig({ ...base, INGEST_WRITE_CONNECTIONS: value })).toThrow(
        /INGEST_WRITE_CONNECTIONS/,
      );
    }
  });

  it('reads the alert settings: evaluation interval and an optional signed webhook', () => {
    expect(loadIngestConfig(base)).toMatchObject({ alertEvaluationSeconds: 60, alertWebhook: null });
    const config = loadIngestConfig({
      ...base,
      ALERT_EVALUATION_SECONDS: '15',
      ALERT_WEBHOOK_URL: 'https://oapi.dingtalk.com/robot/send?access_token=abc',
      ALERT_WEBHOOK_SECRET: 'SEC123',
    });
    expect(config.alertEvaluationSeconds).toBe(15);
    expect(config.alertWebhook).toEqual({
      url: 'https://oapi.dingtalk.com/robot/send?access_token=abc',
      secret: 'SEC123',
    });
    expect(() => loadIngestConfig({ ...base, ALERT_WEBHOOK_URL: 'ftp://example.org/x' })).toThrow(
      ConfigError,
    );
    expect(() => loadIngestConfig({ ...base, ALERT_EVALUATION_SECONDS: '1' })).toThrow(ConfigError);
  });

  it('treats empty strings as unset', () => {
    expect(loadIngestConfig({ ...base, LOG_LEVEL: '', INGEST_HEALTH_PORT: ' ' }).healthPort).toBe(3001);
  });

  it('reports every invalid key at once', () => {
    let error: unknown;
    try {
      loadIngestConfig({
        CITY_TIME_ZONE: 'Mars/Olympus',
        LOG_LEVEL: 'loud',
        INGEST_HEALTH_PORT: '70000',
        SCHEDULER_ENABLED: 'maybe',
        DEMO_PORTAL_URL: 'not a url',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const keys = (error as ConfigError).issues.map((i) => i.key).sort();
    expect(keys).toEqual([
      'CITY_TIME_ZONE',
      'DATABASE_URL',
      'DEMO_PORTAL_URL',
      'INGEST_HEALTH_PORT',
      'LOG_LEVEL',
      'SCHEDULER_ENABLED',
    ]);
  });

  it('refuses a non-postgres DATABASE_URL', () => {
    expect(() => loadIngestConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
  });
});
