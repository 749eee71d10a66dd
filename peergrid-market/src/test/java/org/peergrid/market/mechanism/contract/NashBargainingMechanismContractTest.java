package org.peergrid.market.mechanism.contract;

class NashBargainingMechanismContractTest extends AbstractMechanismContractTest {}
