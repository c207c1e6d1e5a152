/** The registry of sources `npm run extract` can run, by name. */
import type { Config } from '../core/config.ts';
import { UserError } from '../core/errors.ts';
import type { SourceDefinition } from '../core/stream.ts';
import { createDemoSource } from './demo/index.ts';
import { loadFilesSettings } from './files/config.ts';
import { createFilesSource } from './files/index.ts';
import { loadShopifyConfig } from './shopify/config.ts';
import { createShopifySource } from './shopify/index.ts';
import { zendeskSourceFromEnv } from './zendesk/index.ts';

const factories: Record<string, (config: Config) => SourceDefinition> = {
  demo: (config) => createDemoSource(config.demo),
  zendesk: () => zendeskSourceFromEnv(),
  shopify: () => createShopifySource(loadShopifyConfig()),
  files: (config) => createFilesSource(loadFilesSettings(process.env, config.dataDir)),
};

export const SOURCE_NAMES = Object.keys(factories);

export function createSource(name: string, config: Config): SourceDefinition {
  const factory = factories[name];
  if (!factory) {
    throw new UserError(`Unknown source "${name}": the sources available are ${SOURCE_NAMES.join(', ')} (set CSW_SOURCES or --source).`);
  }
  return factory(config);
}
