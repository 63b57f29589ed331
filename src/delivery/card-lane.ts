import { z } from 'zod';

/**
 * Why a card call is made, which decides its turn at a rate-limited platform: a card refresh a
 * button caused (someone is looking), a channel's first card (nobody there has seen the alert),
 * then every other post and edit. Served in that order, channels taking turns within each.
 */
export const CARD_LANES = ['click', 'first', 'update'] as const;

export type CardLane = (typeof CARD_LANES)[number];

export const cardLaneSchema = z.enum(CARD_LANES);
