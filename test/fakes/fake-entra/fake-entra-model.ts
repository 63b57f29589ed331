/** A directory (tenant): its id and the domain names that also name it in the login URL. */
export interface FakeEntraTenant {
  id: string;
  displayName: string;
  domains?: readonly string[];
}

export interface FakeEntraSecret {
  value: string;
  /** Epoch ms; a secret presented at or after it is expired. */
  expiresAt: number;
}

/** An app registration: where it lives, who may sign it in, its client secrets. */
export interface FakeEntraApp {
  appId: string;
  /** The tenant the app is registered in. */
  homeTenant: string;
  /**
   * `multi` (AzureADMultipleOrgs): also served by the Bot Framework tenant, as MultiTenant bots
   * are (botframework-connector's default tenant). `single`: only its home tenant.
   */
  audience: 'single' | 'multi';
  secrets: readonly FakeEntraSecret[];
}

/** The Bot Framework's own directory: MultiTenant bots ask it for their token. */
export const BOT_FRAMEWORK_TENANT: FakeEntraTenant = {
  // Bots name it by domain (botframework-connector AuthenticationConstants.DefaultChannelAuthTenant).
  id: '00000000-0000-0000-0000-0000000000bf',
  displayName: 'Bot Framework',
  domains: ['botframework.com'],
};
