package org.peergrid.market.vc.messages;

/** Any message of the game; counted by the game's message log. */
public sealed interface Message permits NetworkPrices, PriceSignal, Offer, CommunityOffer, Acceptance, NetworkCharges,
    MarketState, Bid, Residual {}
