package org.peergrid.market.mechanism.contract;

class IncentiveMechanismContractTest extends AbstractMechanismContractTest {}
