package org.peergrid.market.mechanism.contract;

class LmpSharingMechanismContractTest extends AbstractMechanismContractTest {}
