/** Kept apart from `deploy.ts` so `storyfeed --help` does not load the deploy code. */

/** The S3-compatible stores `storyfeed deploy --help` shows settings for. */
export const DEPLOY_HELP = `
Targets (any S3-compatible store; credentials only from AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY,
AWS_PROFILE or --profile, or a role, never from the configuration file):
  AWS S3                --bucket NAME --region eu-west-1
  Cloudflare R2         --bucket NAME --endpoint https://ACCOUNT.r2.cloudflarestorage.com --region auto
  Backblaze B2          --bucket NAME --endpoint https://s3.REGION.backblazeb2.com --region REGION
  MinIO                 --bucket NAME --endpoint http://HOST:9000 --path-style
  Ceph RGW              --bucket NAME --endpoint http://HOST:7480 --path-style
  OpenStack Swift s3api --bucket NAME --endpoint http://HOST:8080 --path-style

Objects are uploaded in reader-safe order (archive pages, tag and author feeds, main feeds, then
index page and stylesheet); only changed ones are uploaded, and only objects storyfeed uploaded
(metadata x-amz-meta-storyfeed-sha256) are ever deleted. Put a CDN in front for caching; the
Cache-Control of each kind is set with --cache-feeds, --cache-archive and --cache-other.
The same settings may go in the "deploy" key of the configuration (see "Deploy" in the README).
`;
