package org.peergrid.market.mechanism.contract;

class MidMarketRateMechanismContractTest extends AbstractMechanismContractTest {}
