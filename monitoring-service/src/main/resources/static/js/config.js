// What this installation tells its pages (GET /api/config, open without sign-in): where plan-service
// and reporting-service are, and which OIDC issuer and public client to sign in with.

let configPromise = null;

export function config() {
  if (!configPromise) {
    configPromise = fetch('/api/config', { headers: { Accept: 'application/json' } }).then((response) => {
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return response.json();
    });
    configPromise.catch(() => { configPromise = null; }); // let a later call retry
  }
  return configPromise;
}
