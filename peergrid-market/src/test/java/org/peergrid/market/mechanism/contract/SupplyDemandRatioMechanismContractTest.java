package org.peergrid.market.mechanism.contract;

class SupplyDemandRatioMechanismContractTest extends AbstractMechanismContractTest {}
